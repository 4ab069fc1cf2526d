/**
 * The view state that lives in the URL, so that a link reproduces what the sender saw:
 * language, filters, the map camera and the search text. Never data, never names of people.
 */
import { POINT_KINDS, TECHNOLOGIES, type Language, type PointKind, type Technology } from "../../domain/types.ts";

/** The filters the user chose; every panel, the map and the exports follow them. */
export interface ViewFilter {
  /** Carriers that count; empty means every carrier. */
  carriers: string[];
  minTechnology?: Technology;
  /** Kinds shown; empty means every kind. */
  kinds: PointKind[];
  provinceCode?: string;
  communeCode?: string;
}

export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  language: Language;
  /** `?sample=none`: start with no data loaded. */
  sampleNone: boolean;
  filter: ViewFilter;
  camera?: MapCamera;
  search: string;
  /** `?view=tracking` (or the older `?view=progress`): the listed dead-zone tracking view instead of the coverage map. */
  view?: AppView;
  /** `?point=ID`: the point selected, its popup open (a link to one school or village). */
  point?: string;
  /** The listed dead-zone view's role, "as of" day and status filter (`role=carrier:Viettel`, `asof=2026-08-15`, `status=overdue`…). */
  tracking?: TrackingUrlState;
}

export interface TrackingUrlState {
  /** "carrier:<name>"; absent for the department. */
  role?: string;
  /** YYYY-MM-DD; absent for today. */
  asOf?: string;
  /** A registry status; absent for every status. */
  status?: string;
}

/** The top-level views: the coverage map (default) or the listed dead zones. */
export type AppView = "map" | "tracking";

/** No restriction at all: every carrier, every technology (2G and up), every kind and area. */
export const EMPTY_FILTER: ViewFilter = { carriers: [], kinds: [] };

/**
 * The technology a point needs to count as covered unless the user chooses otherwise: 4G. The programme
 * is about learning online (video lessons, video calls), which 2G cannot carry and 3G carries poorly, so
 * "covered" means 4G or better by default; `?tech=any` counts any signal (2G and up).
 */
export const DEFAULT_MIN_TECHNOLOGY: Technology = "4G";

/** The filter of a plain link, and the one "clear all filters" returns to. */
export const DEFAULT_FILTER: ViewFilter = { carriers: [], kinds: [], minTechnology: DEFAULT_MIN_TECHNOLOGY };

function splitList(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function parseCamera(value: string | null): MapCamera | undefined {
  if (!value) return undefined;
  const parts = value.split("/").map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return undefined;
  const [zoom, lat, lon] = parts;
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lon < -180 || lon > 180) return undefined;
  return { zoom, lat, lon };
}

/**
 * Reads the view state from a query string; unknown parameters and invalid values are ignored.
 * @param search - `location.search`, with or without the leading "?"
 * @returns the state, with defaults for what is missing
 * @example
 * ```ts
 * parseUrlState("?lang=en&tech=3G&kind=school").filter.minTechnology // "3G"
 * parseUrlState("").filter.minTechnology // "4G" (the default)
 * parseUrlState("?tech=any").filter.minTechnology // undefined (2G and up)
 * ```
 */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const language: Language = params.get("lang") === "en" ? "en" : "vi";
  const technology = params.get("tech");
  const kinds = splitList(params.get("kind")).filter((kind): kind is PointKind => (POINT_KINDS as readonly string[]).includes(kind));
  const filter: ViewFilter = {
    carriers: [...new Set(splitList(params.get("carrier")))],
    kinds: [...new Set(kinds)],
  };
  if (technology && (TECHNOLOGIES as readonly string[]).includes(technology)) filter.minTechnology = technology as Technology;
  else if (technology !== "any") filter.minTechnology = DEFAULT_MIN_TECHNOLOGY;
  const province = params.get("province")?.trim();
  if (province) filter.provinceCode = province;
  const commune = params.get("commune")?.trim();
  if (commune) filter.communeCode = commune;
  return {
    language,
    // A pre-built map link (?coverage=) opens without the sample data.
    sampleNone: params.get("sample") === "none" || params.has("coverage"),
    filter,
    camera: parseCamera(params.get("map")),
    search: params.get("q") ?? "",
    // "progress" was the view's first name: links and bookmarks made with it still open the tracking view.
    ...(params.get("view") === "tracking" || params.get("view") === "progress" ? { view: "tracking" as const } : {}),
    ...(params.get("point")?.trim() ? { point: params.get("point")!.trim() } : {}),
    ...parseTracking(params),
  };
}

function parseTracking(params: URLSearchParams): { tracking?: TrackingUrlState } {
  const tracking: TrackingUrlState = {};
  const role = params.get("role")?.trim();
  if (role && role.startsWith("carrier:") && role.length > "carrier:".length) tracking.role = role;
  const asOf = params.get("asof")?.trim();
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) tracking.asOf = asOf;
  const status = params.get("status")?.trim();
  if (status && /^[a-z_]+$/.test(status)) tracking.status = status;
  return Object.keys(tracking).length > 0 ? { tracking } : {};
}

function roundTo(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * Writes the view state as a query string (defaults are left out, so a plain link stays short).
 * @param state - the state
 * @returns "?…" or "" when everything is at its default
 * @example
 * ```ts
 * writeUrlState({ language: "en", sampleNone: false, filter: DEFAULT_FILTER, search: "" }) // "?lang=en"
 * ```
 */
export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.language === "en") params.set("lang", "en");
  if (state.sampleNone) params.set("sample", "none");
  if (state.filter.carriers.length > 0) params.set("carrier", state.filter.carriers.join(","));
  if (state.filter.minTechnology !== DEFAULT_MIN_TECHNOLOGY) params.set("tech", state.filter.minTechnology ?? "any");
  if (state.filter.kinds.length > 0) params.set("kind", state.filter.kinds.join(","));
  if (state.filter.provinceCode) params.set("province", state.filter.provinceCode);
  if (state.filter.communeCode) params.set("commune", state.filter.communeCode);
  if (state.search) params.set("q", state.search);
  if (state.view === "tracking") params.set("view", "tracking");
  if (state.point) params.set("point", state.point);
  if (state.tracking?.role) params.set("role", state.tracking.role);
  if (state.tracking?.asOf) params.set("asof", state.tracking.asOf);
  if (state.tracking?.status) params.set("status", state.tracking.status);
  if (state.camera) params.set("map", `${roundTo(state.camera.zoom, 2)}/${roundTo(state.camera.lat, 5)}/${roundTo(state.camera.lon, 5)}`);
  const text = params.toString();
  return text ? `?${text}` : "";
}
