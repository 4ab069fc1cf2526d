/**
 * The 3,321 communes and wards of 2025 and the pre-2025 communes each was merged from
 * (data/crosswalks/communes-2025.json, made by scripts/prepare_crosswalk.ts). A list written before the
 * 2025 merger names old communes: `checkCommune` maps such a name to its 2025 commune when the merger
 * list leaves one answer, says so when it leaves several, and suggests the closest names for a typo.
 * The data is given by the caller (read from a file, fetched by the app): the domain loads nothing.
 */
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { keySimilarity, unitNameKey } from "./place_names.ts";
import { domainMessage } from "../messages/message.ts";

/** A commune or ward of 2025. */
export interface Commune2025 {
  /** GSO code, 5 digits ("02686"). */
  code: string;
  /** As officially written, with its unit ("Xã A Mú Sung"). */
  fullName: string;
  /** Without the unit word ("A Mú Sung"), as the boundary files and point lists write it. */
  name: string;
  provinceCode: string;
  province: string;
}

interface OldUnit {
  key: string;
  /** "Xã Nậm Chạc" as written in the merger list. */
  name: string;
  districtKey?: string;
  partial: boolean;
  commune: Commune2025;
}

/** The crosswalk, indexed. */
export interface CommuneCrosswalk {
  communes: readonly Commune2025[];
  provinces: readonly { code: string; name: string; key: string; fromKeys: readonly string[] }[];
  byKey: ReadonlyMap<string, readonly Commune2025[]>;
  oldByKey: ReadonlyMap<string, readonly OldUnit[]>;
}

/** What a commune name in a list is, against the 2025 list. */
export type CommuneCheck =
  /** A commune of 2025 (or the list names none). */
  | { kind: "current"; commune: Commune2025 }
  /** A pre-2025 commune merged, whole, into one 2025 commune. */
  | { kind: "merged"; commune: Commune2025; old: string }
  /** Several 2025 communes fit: the same name in several provinces, or an old commune split between several. */
  | { kind: "ambiguous"; candidates: readonly Commune2025[]; old: boolean }
  /** No commune of that name, old or new: the closest 2025 names. */
  | { kind: "unknown"; suggestions: readonly Commune2025[] };

const UNIT_WORD = /^(xã|phường|thị trấn|thị xã|đặc khu)\s+/iu;

/**
 * Reads the compact crosswalk file (`format: "lom-song-communes-2025"`).
 * @param data - the parsed JSON
 * @returns the indexed crosswalk, or why the file is not one
 */
export function parseCommuneCrosswalk(data: unknown): Result<CommuneCrosswalk, Message> {
  const document = data as { format?: unknown; provinces?: unknown };
  if (!document || document.format !== "lom-song-communes-2025" || !Array.isArray(document.provinces)) {
    return err(domainMessage("crosswalk.format_invalid"));
  }
  const communes: Commune2025[] = [];
  const provinces: CommuneCrosswalk["provinces"][number][] = [];
  const byKey = new Map<string, Commune2025[]>();
  const oldByKey = new Map<string, OldUnit[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const entry of document.provinces as unknown[]) {
    if (!Array.isArray(entry) || entry.length < 4 || !Array.isArray(entry[2]) || !Array.isArray(entry[3])) {
      return err(domainMessage("crosswalk.province_unreadable"));
    }
    const [provinceCode, provinceName, from, list] = entry as [string, string, string[], unknown[]];
    provinces.push({ code: provinceCode, name: provinceName, key: unitNameKey(provinceName), fromKeys: from.map(unitNameKey) });
    for (const row of list) {
      if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "string") continue;
      const fullName = row[1];
      const commune: Commune2025 = { code: row[0], fullName, name: fullName.replace(UNIT_WORD, ""), provinceCode, province: provinceName };
      communes.push(commune);
      push(byKey, unitNameKey(fullName), commune);
      for (const old of typeof row[2] === "string" && row[2] ? row[2].split("|") : []) {
        const partial = old.endsWith("~");
        const [name, district] = (partial ? old.slice(0, -1) : old).split("@");
        push(oldByKey, unitNameKey(name), { key: unitNameKey(name), name, districtKey: district ? unitNameKey(district) : undefined, partial, commune });
      }
    }
  }
  return ok({ communes, provinces, byKey, oldByKey });
}

/**
 * The 2025 provinces a province name denotes: a 2025 province, or the pre-2025 province merged into it.
 * @param crosswalk - the crosswalk
 * @param province - the name as written ("Yên Bái", "Tỉnh Lào Cai")
 * @returns the 2025 province codes (empty when the name is unknown)
 */
export function provinceCodes(crosswalk: CommuneCrosswalk, province: string): string[] {
  const key = unitNameKey(province);
  if (!key) return [];
  const current = crosswalk.provinces.filter((candidate) => candidate.key === key);
  if (current.length > 0) return current.map((candidate) => candidate.code);
  return crosswalk.provinces.filter((candidate) => candidate.fromKeys.includes(key)).map((candidate) => candidate.code);
}

/**
 * Checks a commune name against the 2025 list, mapping a pre-2025 commune when the merger list leaves one answer.
 * @param crosswalk - the crosswalk
 * @param place - the commune as written, and the district and province when the list gives them
 * @returns current, merged (with the 2025 commune), ambiguous (with the candidates) or unknown (with suggestions)
 * @example
 * ```ts
 * checkCommune(crosswalk, { commune: "Nậm Chạc", province: "Lào Cai" }); // { kind: "merged", commune: { name: "A Mú Sung", … } }
 * ```
 */
export function checkCommune(crosswalk: CommuneCrosswalk, place: { commune: string; district?: string; province?: string }): CommuneCheck {
  const key = unitNameKey(place.commune);
  const codes = place.province ? provinceCodes(crosswalk, place.province) : [];
  const inProvince = (commune: Commune2025) => codes.length === 0 || codes.includes(commune.provinceCode);
  const districtKey = place.district ? unitNameKey(place.district) : undefined;
  if (districtKey) {
    // An old district settles it: "Chi Lăng" of the former Tràng Định district is now Thất Khê, whatever the 2025 Chi Lăng.
    const named = (crosswalk.oldByKey.get(key) ?? []).filter((old) => inProvince(old.commune) && old.districtKey === districtKey);
    const targets = [...new Map(named.map((old) => [old.commune.code, old.commune])).values()];
    if (targets.length === 1)
      return unitNameKey(targets[0].fullName) === key ? { kind: "current", commune: targets[0] } : { kind: "merged", commune: targets[0], old: named[0].name };
  }
  const current = (crosswalk.byKey.get(key) ?? []).filter(inProvince);
  if (current.length === 1) return { kind: "current", commune: current[0] };
  if (current.length > 1) return { kind: "ambiguous", candidates: current, old: false };
  const olds = (crosswalk.oldByKey.get(key) ?? []).filter(
    (old) => inProvince(old.commune) && (districtKey === undefined || old.districtKey === undefined || old.districtKey === districtKey),
  );
  const targets = [...new Map(olds.map((old) => [old.commune.code, old.commune])).values()];
  if (targets.length === 1) return { kind: "merged", commune: targets[0], old: olds[0].name };
  if (targets.length > 1) return { kind: "ambiguous", candidates: targets, old: true };
  return { kind: "unknown", suggestions: closestCommunes(crosswalk, key, codes, 3) };
}

/**
 * The 2025 communes whose names are closest to a key (in the given provinces, else everywhere).
 * @param crosswalk - the crosswalk
 * @param key - a unitNameKey
 * @param provinceCodes - the provinces to look in (empty: all)
 * @param count - how many
 * @returns the closest communes, most alike first (ties: by code)
 */
export function closestCommunes(crosswalk: CommuneCrosswalk, key: string, provinceCodes: readonly string[], count: number): Commune2025[] {
  const pool = provinceCodes.length > 0 ? crosswalk.communes.filter((commune) => provinceCodes.includes(commune.provinceCode)) : crosswalk.communes;
  return pool
    .map((commune) => ({ commune, score: keySimilarity(key, unitNameKey(commune.fullName)) }))
    .sort((a, b) => b.score - a.score || a.commune.code.localeCompare(b.commune.code))
    .slice(0, count)
    .map((entry) => entry.commune);
}

/**
 * The report's sentence for a commune check that is not simply "current".
 * @param written - the commune as written
 * @param check - the check
 * @returns the code and message of a warning, or null for a 2025 commune
 */
export function communeCheckIssue(written: string, check: CommuneCheck): { code: string; message: Message } | null {
  const list = (communes: readonly Commune2025[]) => communes.map((commune) => `${commune.fullName} (${commune.province}, ${commune.code})`).join("; ");
  switch (check.kind) {
    case "current":
      return null;
    case "merged":
      return {
        code: "commune_merged",
        message: domainMessage("crosswalk.commune_merged", {
          written,
          fullName: check.commune.fullName,
          province: check.commune.province,
          code: check.commune.code,
        }),
      };
    case "ambiguous":
      return {
        code: "commune_ambiguous",
        message: check.old
          ? domainMessage("crosswalk.commune_split", { written, list: list(check.candidates) })
          : domainMessage("crosswalk.commune_ambiguous", { written, list: list(check.candidates) }),
      };
    case "unknown":
      return {
        code: "commune_unknown",
        message: domainMessage("crosswalk.commune_unknown", { written, list: list(check.suggestions) }),
      };
  }
}
