/** Strings of the schools-as-schools and pupils/households statistics, Vietnamese first ("schoolStats." keys). */
import type { Message } from "../../domain/types.ts";

export const SCHOOL_WEIGHT_MESSAGES = {
  "schoolStats.heading": { vi: "Trường học (tính cả điểm trường) và số học sinh, số hộ", en: "Schools (with their school sites), pupils and households" },
  "schoolStats.schools": { vi: "Số trường", en: "Schools" },
  "schoolStats.mainUncovered": { vi: "Trường chưa có sóng ở điểm chính", en: "Schools whose main site has no signal" },
  "schoolStats.withUncoveredSite": { vi: "Trường có điểm trường chưa có sóng", en: "Schools with a school site without signal" },
  "schoolStats.notFullyCovered": {
    vi: "Trường chưa có sóng ở điểm chính hoặc một điểm trường",
    en: "Schools without signal at the main site or a school site",
  },
  "schoolStats.fullyCovered": { vi: "Trường có sóng ở mọi điểm", en: "Schools with signal at every site" },
  "schoolStats.sites": { vi: "Điểm trường chưa có sóng / tổng", en: "School sites without signal / total" },
  "schoolStats.orphans": {
    vi: "Điểm trường ghi mã trường chính không có trong danh sách: {count} (xem báo cáo nhập)",
    en: "School sites naming a main school not in the list: {count} (see the import report)",
  },
  "schoolStats.hint": {
    vi: "Một trường chỉ được tính là có sóng khi điểm chính và mọi điểm trường (cột parent_id / mã trường chính) đều có sóng.",
    en: "A school counts as covered only when its main site and every school site (column parent_id) are covered.",
  },
  "schoolStats.weights": { vi: "Học sinh và số hộ chưa có sóng", en: "Pupils and households without signal" },
  "schoolStats.what": { vi: "Chỉ tiêu", en: "Figure" },
  "schoolStats.value": { vi: "Số lượng", en: "Count" },
  "schoolStats.pupils": { vi: "Học sinh", en: "Pupils" },
  "schoolStats.households": { vi: "Số hộ", en: "Households" },
  "schoolStats.pupilsUncovered": { vi: "Học sinh chưa có sóng", en: "Pupils without signal" },
  "schoolStats.householdsUncovered": { vi: "Số hộ chưa có sóng", en: "Households without signal" },
  "schoolStats.all": { vi: "Tất cả nhà mạng đang tính", en: "All counted carriers" },
  "schoolStats.byCarrier": { vi: "Theo nhà mạng (học sinh, số hộ nhà mạng đó chưa phủ)", en: "By carrier (pupils and households that carrier does not cover)" },
  "schoolStats.byCommune": { vi: "Theo xã", en: "By commune" },
  "schoolStats.export": { vi: "Tải bảng trường học, học sinh, số hộ (CSV)", en: "Download schools, pupils and households (CSV)" },
  "schoolStats.fileName": { vi: "truong-hoc-sinh-so-ho", en: "schools-pupils-households" },
} satisfies Record<string, Message>;
