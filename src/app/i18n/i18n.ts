/**
 * Translation and locale-aware formatting. Vietnamese is the default language.
 */
import type { Language, Message } from "../../domain/types.ts";
import { MESSAGES, type MessageKey } from "./messages.ts";

export type { MessageKey };

/** The BCP 47 locale used for numbers, dates and collation in each language. */
export const LOCALES: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

/**
 * Fills `{name}` placeholders in a template.
 * @param template - text with placeholders
 * @param params - values by placeholder name
 * @returns the text with every known placeholder replaced
 */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A placeholder value: a number is formatted for the language, a Message gives its text in that language. */
export type MessageParam = string | number | Message;
export type MessageParams = Record<string, MessageParam>;

/**
 * Translates a message key: the app's one translation function (the React hook `useTranslation` binds it to
 * the interface language).
 * @param language - the interface language
 * @param key - the message key
 * @param params - placeholder values; numbers are formatted for the language, a Message is picked per language
 * @returns the translated text
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const formatted: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    formatted[name] = typeof value === "number" ? formatNumber(language, value) : typeof value === "string" ? value : value[language];
  return fillTemplate(MESSAGES[key][language], formatted);
}

/**
 * A message in both languages, for what is kept in the state and shown later (notices follow a language switch).
 * @param key - the message key
 * @param params - placeholder values, as for `translate`
 * @returns the message
 */
export function message(key: MessageKey, params: MessageParams = {}): Message {
  return { vi: translate("vi", key, params), en: translate("en", key, params) };
}

/**
 * Feedback for the user (a failure, a finished action), in both languages. The app and the tracking view keep
 * lists of these; `key` says which message it is, so a list can let a newer notice of the same kind replace one.
 */
export interface Notice {
  id: number;
  severity: "error" | "info";
  key: MessageKey;
  message: Message;
}

let noticeId = 1;

/**
 * Creates a notice with a fresh id.
 * @param severity - error or info
 * @param key - the message key
 * @param params - placeholder values
 * @returns the notice
 */
export function makeNotice(severity: Notice["severity"], key: MessageKey, params?: MessageParams): Notice {
  return { id: noticeId++, severity, key, message: message(key, params) };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a number for the language ("1.234,5" in Vietnamese, "1,234.5" in English).
 * @param language - the interface language
 * @param value - the number
 * @param maximumFractionDigits - at most this many decimals (default 1)
 * @returns the formatted number
 */
export function formatNumber(language: Language, value: number, maximumFractionDigits = 1): string {
  const key = `${language}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * Formats a percentage given from 0 to 100 ("87,3 %" style per locale).
 * @param language - the interface language
 * @param percent - the value, 0–100
 * @returns the formatted percentage
 */
export function formatPercent(language: Language, percent: number): string {
  const key = `${language}:percent`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { style: "percent", maximumFractionDigits: 1 });
    numberFormats.set(key, format);
  }
  return format.format(percent / 100);
}

/** Dates: one format per language, see dates.ts (31/12/2025, never the short "31/12/25"). */
export { formatDate, formatDateTime, formatDay } from "./dates.ts";

let nameCollator: Intl.Collator | undefined;

/**
 * A collator for sorting names: Vietnamese collation in both languages, since the names are Vietnamese.
 * @returns a collator that sorts "Đà Nẵng" before "Điện Biên"
 */
export function createNameCollator(): Intl.Collator {
  // One collator for the whole app: creating one costs about as much as thousands of comparisons.
  nameCollator ??= new Intl.Collator("vi", { sensitivity: "base", numeric: true });
  return nameCollator;
}
