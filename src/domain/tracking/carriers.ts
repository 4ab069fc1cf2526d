/**
 * Carrier names: free text, with the five Vietnamese carriers written one way whatever the spelling.
 */
import { foldLabel } from "./fold.ts";

/** The carriers licensed in Vietnam, spelled as they spell themselves. */
export const KNOWN_CARRIERS = ["Viettel", "VNPT", "MobiFone", "Vietnamobile", "Gmobile"] as const;

const CARRIER_ALIASES: ReadonlyMap<string, string> = new Map([
  ["viettel", "Viettel"],
  ["viettel telecom", "Viettel"],
  ["vtl", "Viettel"],
  ["vnpt", "VNPT"],
  ["vinaphone", "VNPT"],
  ["vnpt vinaphone", "VNPT"],
  ["mobifone", "MobiFone"],
  ["mobi fone", "MobiFone"],
  ["mobi", "MobiFone"],
  ["vietnamobile", "Vietnamobile"],
  ["vietnam mobile", "Vietnamobile"],
  ["vnmobile", "Vietnamobile"],
  ["gmobile", "Gmobile"],
  ["g mobile", "Gmobile"],
  ["beeline", "Gmobile"],
]);

/**
 * Writes a carrier name the canonical way: "viettel", "VIETTEL " → "Viettel"; "Vinaphone" → "VNPT";
 * "Mobifone" → "MobiFone". Unknown carriers are kept as typed (trimmed, NFC).
 * @param text - the name as typed
 * @returns the canonical name, or the trimmed text
 * @example
 * ```ts
 * canonicalCarrier("mobifone"); // "MobiFone"
 * ```
 */
export function canonicalCarrier(text: string): string {
  const trimmed = text.normalize("NFC").trim().replace(/\s+/g, " ");
  // An estimated layer ("Viettel (ước tính)", from a public tower list) stays its own layer: never the carrier's map.
  const estimated = /\s*\((ước tính|uoc tinh|estimated)\)$/i.exec(trimmed);
  if (estimated && estimated.index > 0) return `${canonicalCarrier(trimmed.slice(0, estimated.index))} (ước tính)`;
  const folded = foldLabel(trimmed);
  return CARRIER_ALIASES.get(folded) ?? carrierInName(folded) ?? trimmed;
}

/** Words that name a carrier inside a longer unit name, and the carrier they name. */
const CARRIER_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\bviettel\b|\bvien thong quan doi\b/, "Viettel"],
  [/\b(vnpt|vinaphone|vina phone)\b|^vien thong (?!quan doi)/, "VNPT"],
  [/\b(mobifone|mobi fone)\b/, "MobiFone"],
  [/\b(vietnamobile|vietnam mobile)\b/, "Vietnamobile"],
  [/\b(gmobile|g mobile)\b/, "Gmobile"],
];

/**
 * The carrier named inside a unit's name as provincial lists write it: "Tập đoàn Viettel", "Viettel Lào Cai",
 * "VNPT Lạng Sơn", "VNPT-Vinaphone", "Tổng công ty Viễn thông MobiFone", "Viễn thông Lào Cai" (VNPT's
 * provincial units). A name naming two carriers ("Viettel, VNPT") is not one carrier: undefined.
 */
function carrierInName(folded: string): string | undefined {
  const named = new Set<string>();
  for (const [pattern, carrier] of CARRIER_WORDS) if (pattern.test(folded)) named.add(carrier);
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * Tells whether two carrier names denote the same carrier (after canonicalisation, ignoring case and accents).
 * @param a - a name
 * @param b - another name
 * @returns true when they match
 */
export function isSameCarrier(a: string, b: string): boolean {
  return a === b || carrierKey(a) === carrierKey(b);
}

/** Carrier names are few and compared for every event: their folded keys are cached (bounded). */
const CARRIER_KEYS = new Map<string, string>();
const MAX_CACHED_KEYS = 1000;

function carrierKey(name: string): string {
  let key = CARRIER_KEYS.get(name);
  if (key === undefined) {
    if (CARRIER_KEYS.size >= MAX_CACHED_KEYS) CARRIER_KEYS.clear();
    key = foldLabel(canonicalCarrier(name));
    CARRIER_KEYS.set(name, key);
  }
  return key;
}
