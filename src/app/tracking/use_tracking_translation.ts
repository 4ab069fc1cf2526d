/**
 * Translation for the tracking view: its own dictionary (messages.ts), the app's language and the
 * app's number formatting, so the view does not depend on the order the dictionaries are merged in.
 */
import { useCallback } from "react";
import type { Language, Message } from "../../domain/types.ts";
import { useAppState } from "../app_context.ts";
import { fillTemplate, formatNumber } from "../i18n/i18n.ts";
import { PROGRESS_MESSAGES, type TrackingMessageKey } from "./messages.ts";

export type TrackingTranslate = (key: TrackingMessageKey, params?: Record<string, string | number>) => string;

/**
 * Translates a tracking message key; numbers in the parameters are formatted for the language.
 * @param language - the interface language
 * @param key - the key
 * @param params - placeholder values
 * @returns the text
 */
export function translateTracking(language: Language, key: TrackingMessageKey, params: Record<string, string | number> = {}): string {
  const formatted: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) formatted[name] = typeof value === "number" ? formatNumber(language, value) : value;
  return fillTemplate(PROGRESS_MESSAGES[key][language], formatted);
}

/**
 * A tracking message in both languages, for notices kept in the state (they follow a language switch).
 * @param key - the key
 * @param params - placeholder values; a Message value is picked per language
 * @returns the message
 */
export function trackingMessage(key: TrackingMessageKey, params: Record<string, string | number | Message> = {}): Message {
  const pick = (language: Language) => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) values[name] = typeof value === "object" ? value[language] : value;
    return translateTracking(language, key, values);
  };
  return { vi: pick("vi"), en: pick("en") };
}

/**
 * The tracking translation function for the current language.
 * @returns [t, language]
 */
export function useTrackingTranslation(): [TrackingTranslate, Language] {
  const language = useAppState((state) => state.language);
  const t = useCallback<TrackingTranslate>((key, params) => translateTracking(language, key, params), [language]);
  return [t, language];
}

/** An ISO day for people (dd/mm/yyyy): the app's one day format, see i18n/dates.ts. */
export { formatDay } from "../i18n/dates.ts";
