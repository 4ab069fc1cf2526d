/**
 * The strings of the "Đề xuất vị trí trạm / Suggested sites" panel, Vietnamese first. Keys start with "suggest.";
 * the app's dictionary spreads this one in.
 */
import type { Message } from "../../domain/types.ts";

export const SUGGEST_MESSAGES = {
  "app.tab.suggest": { vi: "Đề xuất trạm", en: "Suggest sites" },
  "suggest.heading": { vi: "Đề xuất vị trí trạm", en: "Suggested sites" },
  "suggest.intro": {
    vi: "Những vị trí đặt trạm mới phủ được nhiều điểm chưa có sóng nhất (theo bộ lọc công nghệ, nhà mạng, loại điểm và địa bàn đang chọn). Mỗi trạm được coi là phủ một vòng tròn bán kính đã chọn.",
    en: "Where new sites would cover the most uncovered points (under the technology, carrier, kind and area chosen in the filters). Each site is taken to cover a disc of the chosen radius.",
  },
  "suggest.targets": { vi: "Điểm chưa có sóng theo bộ lọc: {count}", en: "Uncovered points under the filters: {count}" },
  "suggest.radius": { vi: "Bán kính phủ của một trạm (km)", en: "Radius a site covers (km)" },
  "suggest.sites": { vi: "Số trạm tối đa", en: "At most this many sites" },
  "suggest.weight": { vi: "Ưu tiên theo", en: "Count" },
  "suggest.weight.pupils": { vi: "Số học sinh (trường, điểm trường)", en: "Pupils (schools, school sites)" },
  "suggest.weight.households": { vi: "Số hộ (thôn, bản)", en: "Households (villages)" },
  "suggest.weight.points": { vi: "Số điểm", en: "Points" },
  "suggest.unit.pupils": { vi: "học sinh", en: "pupils" },
  "suggest.unit.households": { vi: "hộ", en: "households" },
  "suggest.unit.points": { vi: "điểm", en: "points" },
  "suggest.run": { vi: "Tính đề xuất", en: "Suggest sites" },
  "suggest.running": { vi: "Đang tính…", en: "Working…" },
  "suggest.invalid": {
    vi: "Bán kính phải là số dương (tối đa 100 km), số trạm từ 1 đến 500.",
    en: "The radius must be a positive number (at most 100 km), the number of sites 1 to 500.",
  },
  "suggest.failed": { vi: "Không tính được đề xuất; hãy thử lại.", en: "The suggestions could not be computed; please try again." },
  "suggest.none": { vi: "Không có điểm chưa có sóng nào có {unit} để phủ.", en: "No uncovered point with {unit} to cover." },
  "suggest.result": {
    vi: "{sites} trạm mới phủ {covered} trên {total} {unit} chưa có sóng ({percent}).",
    en: "{sites} new sites cover {covered} of {total} uncovered {unit} ({percent}).",
  },
  "suggest.guarantee": {
    vi: "Cách chọn: lần lượt chọn vị trí phủ thêm được nhiều nhất. Cách này luôn đạt ít nhất 63% (1 − 1/e) so với cách chọn tốt nhất trong các vị trí được xét (mỗi điểm và một lưới dày quanh các cụm điểm).",
    en: "Method: each site in turn is the position that adds the most. This always reaches at least 63% (1 − 1/e) of the best choice among the positions considered (each point, and a fine grid around clusters).",
  },
  "suggest.table": { vi: "Các vị trí đề xuất", en: "Suggested positions" },
  "suggest.col.rank": { vi: "Thứ tự", en: "Rank" },
  "suggest.col.position": { vi: "Vị trí (vĩ độ, kinh độ)", en: "Position (lat, lon)" },
  "suggest.col.gain": { vi: "Phủ thêm ({unit})", en: "Adds ({unit})" },
  "suggest.col.points": { vi: "Số điểm phủ thêm", en: "Points added" },
  "suggest.col.cumulative": { vi: "Cộng dồn", en: "Cumulative" },
  "suggest.label": { vi: "{rank} · +{gain} {unit}", en: "{rank} · +{gain} {unit}" },
  "suggest.export.csv": { vi: "Tải vị trí đề xuất (CSV)", en: "Download the sites (CSV)" },
  "suggest.export.geojson": { vi: "Tải vị trí đề xuất (GeoJSON)", en: "Download the sites (GeoJSON)" },
  "suggest.export.kml": { vi: "Tải vị trí đề xuất (KML, Google Earth)", en: "Download the sites (KML, Google Earth)" },
  "suggest.fileName": { vi: "de-xuat-tram", en: "suggested-sites" },
  "suggest.clear": { vi: "Xoá đề xuất khỏi bản đồ", en: "Remove the suggestions from the map" },
} satisfies Record<string, Message>;
