/**
 * The filters in words, as the printed report and the PNG export state their scope; and the one province a
 * filtered view is about (for the document's managing body and place).
 */
import type { Language } from "../../domain/types.ts";
import type { AnalyzeResult } from "../../workers/messages.ts";
import { translate, type MessageKey } from "../i18n/i18n.ts";
import type { ViewFilter } from "../state/url_state.ts";

/**
 * The filters as one line.
 * @param language - the interface language
 * @param data - the analysis (area names)
 * @param filter - the view's filter
 * @returns "Nhà mạng: Viettel; Công nghệ tối thiểu: …", or "không lọc"
 */
export function describeFilter(language: Language, data: AnalyzeResult, filter: ViewFilter): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const parts = [
    filter.carriers.length > 0 ? `${t("filters.carriers")}: ${filter.carriers.join(", ")}` : "",
    `${t("filters.minTechnology")}: ${filter.minTechnology ? t("filters.technologyAndUp", { technology: filter.minTechnology }) : t("filters.anyTechnology")}`,
    filter.kinds.length > 0 ? `${t("filters.kinds")}: ${filter.kinds.map((kind) => t(`kind.${kind}`)).join(", ")}` : "",
    filter.provinceCode ? `${t("filters.province")}: ${filterProvinceName(data, filter) ?? filter.provinceCode}` : "",
    filter.communeCode
      ? `${t("filters.commune")}: ${data.analysis.communes.find((commune) => commune.code === filter.communeCode)?.name ?? filter.communeCode}`
      : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : t("print.noFilters");
}

/**
 * The province the view is limited to: the province filter, or the province of the commune filter.
 * @param data - the analysis
 * @param filter - the view's filter
 * @returns its name, or null when the view spans provinces
 */
export function filterProvinceName(data: AnalyzeResult, filter: ViewFilter): string | null {
  const code = filter.provinceCode ?? data.analysis.communes.find((commune) => commune.code === filter.communeCode)?.provinceCode;
  return code ? (data.analysis.provinces.find((province) => province.code === code)?.name ?? null) : null;
}
