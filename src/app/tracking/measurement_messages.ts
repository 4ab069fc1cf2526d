/** Strings of the measurements section of the tracking view, Vietnamese first ("measure." keys). */
import type { Message } from "../../domain/types.ts";

export const MEASUREMENT_MESSAGES = {
  "measure.heading": { vi: "Đo kiểm thực tế và hồ sơ phản biện", en: "Field measurements and the challenge packet" },
  "measure.intro": {
    vi: 'Chọn tệp đo kiểm (CSV: thời gian, vĩ độ, kinh độ, nhà mạng, công nghệ hoặc "mất sóng", tải xuống, tải lên Mbps, tín hiệu dBm; hoặc nhật ký G-NetTrack Pro). Tệp chỉ được đọc trên máy này và được giữ trong trình duyệt này đến khi bấm "Xoá đo kiểm".',
    en: 'Choose measurement files (CSV: time, lat, lon, carrier, technology or "no service", download, upload Mbps, signal dBm; or G-NetTrack Pro logs). Files are read on this computer only; they are kept in this browser until you choose "Clear measurements".',
  },
  "measure.file": { vi: "Tệp đo kiểm", en: "Measurement files" },
  "measure.radius": { vi: "Bán kính quanh điểm (km)", en: "Radius around a point (km)" },
  "measure.floor": { vi: "Tốc độ tải xuống tối thiểu (Mbps, để trống: chỉ tính mất sóng)", en: "Minimum download (Mbps; empty: only no service counts)" },
  "measure.noCoverage": {
    vi: "Chưa có vùng phủ sóng: nhập vùng phủ ở màn hình bản đồ để đối chiếu với đa giác vùng phủ.",
    en: "No coverage loaded: import coverage in the map view to check the polygons too.",
  },
  "measure.read": {
    vi: "Đã đọc {accepted} phép đo từ {files} tệp; loại {rejected} dòng.",
    en: "Read {accepted} measurements from {files} files; {rejected} rows rejected.",
  },
  "measure.findings": { vi: "Mâu thuẫn: {count}", en: "Contradictions: {count}" },
  "measure.none": { vi: "Không thấy mâu thuẫn nào.", en: "No contradiction found." },
  "measure.kind": { vi: "Loại", en: "Kind" },
  "measure.claim": { vi: "Nhà mạng báo cáo / công bố", en: "The carrier's claim" },
  "measure.counts": { vi: "Phép đo xấu / tốt", en: "Bad / good measurements" },
  "measure.release": { vi: "Bản vùng phủ", en: "Coverage release" },
  "measure.export.csv": { vi: "Tải hồ sơ phản biện (CSV)", en: "Download the challenge packet (CSV)" },
  "measure.export.geojson": { vi: "Tải hồ sơ phản biện (GeoJSON)", en: "Download the challenge packet (GeoJSON)" },
  "measure.fileName": { vi: "ho-so-phan-bien", en: "challenge-packet" },
  "measure.saved": { vi: "(đã lưu trong trình duyệt: {files})", en: "(kept in this browser: {files})" },
  "measure.storageFailed": {
    vi: "Không lưu được phép đo trong trình duyệt ({reason}); chúng chỉ còn đến khi tải lại trang.",
    en: "Could not keep the measurements in this browser ({reason}); they last until the page is reloaded.",
  },
  "measure.showOnMap": { vi: "Hiện phép đo và mâu thuẫn trên bản đồ", en: "Show measurements and contradictions on the map" },
  "measure.carrier": { vi: "Nhà mạng", en: "Carrier" },
  "measure.carrierAll": { vi: "Tất cả", en: "All" },
  "measure.clear": { vi: "Xoá đo kiểm", en: "Clear measurements" },
  "measure.legend": { vi: "Chú giải phép đo", en: "Measurement legend" },
  "measure.outcome.no_service": { vi: "mất sóng", en: "no service" },
  "measure.outcome.slow": { vi: "dưới tốc độ tối thiểu", en: "below the speed floor" },
  "measure.outcome.ok": { vi: "có sóng", en: "service" },
  "measure.flyTo": { vi: "Xem mâu thuẫn {number} trên bản đồ", en: "Show contradiction {number} on the map" },
} satisfies Record<string, Message>;
