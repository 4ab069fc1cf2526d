/** Strings of the measurements section of the tracking view, Vietnamese first ("measure." keys). */
import type { Message } from "../../domain/types.ts";

export const MEASUREMENT_MESSAGES = {
  "measure.heading": { vi: "Đo kiểm thực tế và hồ sơ phản biện", en: "Field measurements and the challenge packet" },
  "measure.intro": {
    vi: "Chọn tệp đo kiểm (CSV: thời gian, vĩ độ, kinh độ, nhà mạng, công nghệ hoặc \"mất sóng\", tải xuống, tải lên Mbps, tín hiệu dBm; hoặc nhật ký G-NetTrack Pro). Tệp chỉ được đọc trên máy này, không lưu lại.",
    en: "Choose measurement files (CSV: time, lat, lon, carrier, technology or \"no service\", download, upload Mbps, signal dBm; or G-NetTrack Pro logs). Files are read on this computer only and not kept.",
  },
  "measure.file": { vi: "Tệp đo kiểm", en: "Measurement files" },
  "measure.radius": { vi: "Bán kính quanh điểm (km)", en: "Radius around a point (km)" },
  "measure.floor": { vi: "Tốc độ tải xuống tối thiểu (Mbps, để trống: chỉ tính mất sóng)", en: "Minimum download (Mbps; empty: only no service counts)" },
  "measure.noCoverage": { vi: "Chưa có vùng phủ sóng: nhập vùng phủ ở màn hình bản đồ để đối chiếu với đa giác vùng phủ.", en: "No coverage loaded: import coverage in the map view to check the polygons too." },
  "measure.read": { vi: "Đã đọc {accepted} phép đo từ {files} tệp; loại {rejected} dòng.", en: "Read {accepted} measurements from {files} files; {rejected} rows rejected." },
  "measure.findings": { vi: "Mâu thuẫn: {count}", en: "Contradictions: {count}" },
  "measure.none": { vi: "Không thấy mâu thuẫn nào.", en: "No contradiction found." },
  "measure.kind": { vi: "Loại", en: "Kind" },
  "measure.claim": { vi: "Nhà mạng báo cáo / công bố", en: "The carrier's claim" },
  "measure.counts": { vi: "Phép đo xấu / tốt", en: "Bad / good measurements" },
  "measure.release": { vi: "Bản vùng phủ", en: "Coverage release" },
  "measure.export.csv": { vi: "Tải hồ sơ phản biện (CSV)", en: "Download the challenge packet (CSV)" },
  "measure.export.geojson": { vi: "Tải hồ sơ phản biện (GeoJSON)", en: "Download the challenge packet (GeoJSON)" },
  "measure.fileName": { vi: "ho-so-phan-bien", en: "challenge-packet" },
} satisfies Record<string, Message>;
