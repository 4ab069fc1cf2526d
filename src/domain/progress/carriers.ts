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
  return CARRIER_ALIASES.get(foldLabel(trimmed)) ?? trimmed;
}

/**
 * Tells whether two carrier names denote the same carrier (after canonicalisation, ignoring case and accents).
 * @param a - a name
 * @param b - another name
 * @returns true when they match
 */
export function isSameCarrier(a: string, b: string): boolean {
  return foldLabel(canonicalCarrier(a)) === foldLabel(canonicalCarrier(b));
}
