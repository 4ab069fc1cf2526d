/** Strings of the deadline-risk section of the tracking view, Vietnamese first ("risk." keys). */
import type { Message } from "../../domain/types.ts";

export const RISK_MESSAGES = {
  "risk.heading": { vi: "Ai đang chậm: nguy cơ trễ hạn", en: "Who is behind: deadline risk" },
  "risk.intro": {
    vi: 'Dự báo theo tốc độ riêng của từng nhà mạng và từng tỉnh (số điểm có sóng mới mỗi tuần trong 8 tuần qua). "Không kịp hạn": theo tốc độ đó, nhà mạng xong sau hạn của điểm.',
    en: "Forecasts at each carrier's and each province's own pace (points newly covered per week over the last 8 weeks). \"Won't make the deadline\": at that pace the carrier finishes after the point's deadline.",
  },
  "risk.byCarrier": { vi: "Dự báo theo nhà mạng", en: "Forecast by carrier" },
  "risk.byProvince": { vi: "Dự báo theo tỉnh", en: "Forecast by province" },
  "risk.group": { vi: "Nhà mạng / tỉnh", en: "Carrier / province" },
  "risk.pace": { vi: "Tốc độ (điểm/tuần)", en: "Pace (points/week)" },
  "risk.remaining": { vi: "Còn lại", en: "Remaining" },
  "risk.completion": { vi: "Ngày xong 100%", en: "Date of 100%" },
  "risk.noPace": { vi: "chưa có tiến độ", en: "no progress" },
  "risk.wontMake": { vi: "Không kịp hạn", en: "Won't make the deadline" },
  "risk.overdue": { vi: "Quá hạn", en: "Overdue" },
  "risk.table": { vi: "Điểm chưa xong, xếp theo nguy cơ trễ hạn", en: "Open points, ranked by deadline risk" },
  "risk.rank": { vi: "Thứ tự", en: "Rank" },
  "risk.days": { vi: "Số ngày tới hạn", en: "Days to deadline" },
  "risk.distance": { vi: "Cách vùng phủ của nhà mạng", en: "From the carrier's coverage" },
  "risk.inside": { vi: "đã trong vùng phủ", en: "already inside" },
  "risk.beyond": { vi: "> 100 km", en: "> 100 km" },
  "risk.reasons": { vi: "Lý do", en: "Why" },
  "risk.yes": { vi: "không kịp hạn", en: "won't make it" },
  "risk.more": { vi: "Hiển thị {shown} trên {total} điểm; tải CSV để xem đủ.", en: "Showing {shown} of {total} points; download the CSV for all." },
  "risk.none": { vi: "Không còn điểm nào chưa xong.", en: "No open point left." },
  "risk.export": { vi: "Tải bảng nguy cơ trễ hạn (CSV)", en: "Download the risk table (CSV)" },
  "risk.fileName": { vi: "nguy-co-tre-han", en: "deadline-risk" },
} satisfies Record<string, Message>;
