/**
 * The one way domain code says something to a person: a catalogue code and its parameters give a Message in
 * both languages, resolved when the issue is made, so a report stays plain data (postMessage, JSON, CSV) and
 * every shell shows the same sentence. Numbers are written as `String(n)` would, as the sentences always were;
 * a parameter that is itself a Message gives each language its own text.
 */
import type { Language, Message } from "../types.ts";
import { DOMAIN_MESSAGES } from "./catalogue.ts";

export type MessageCode = keyof typeof DOMAIN_MESSAGES;

/** The parameter names a code's templates use (never when it has none). */
export type MessageParamName<C extends MessageCode> = (typeof DOMAIN_MESSAGES)[C] extends { params: readonly (infer P extends string)[] } ? P : never;

/** A parameter value: text, a number, or a Message picked per language. */
export type DomainParam = string | number | Message;

/** `domainMessage(code)` for a code without parameters, `domainMessage(code, { … })` with exactly its parameters. */
export type DomainParamsArgument<C extends MessageCode> = [MessageParamName<C>] extends [never] ? [] : [params: Record<MessageParamName<C>, DomainParam>];

/**
 * Fills a template's `{name}` placeholders in one pass (a value that contains braces is not read again).
 * @param template - the text
 * @param language - picks a Message parameter's text
 * @param params - the values by name
 * @returns the text
 */
export function fillDomainTemplate(template: string, language: Language, params: Readonly<Record<string, DomainParam>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? value[language] : String(value);
  });
}

/**
 * The message of a catalogue code.
 * @param code - the code, e.g. "points.coordinates_out_of_area"
 * @param params - the values of the code's placeholders, each one required
 * @returns the message in Vietnamese and English
 */
export function domainMessage<C extends MessageCode>(code: C, ...params: DomainParamsArgument<C>): Message {
  const template: { vi: string; en: string } = DOMAIN_MESSAGES[code];
  const values: Readonly<Record<string, DomainParam>> = params[0] ?? {};
  return { vi: fillDomainTemplate(template.vi, "vi", values), en: fillDomainTemplate(template.en, "en", values) };
}
