/**
 * A tiny XML scanner for the parts of an .xlsx workbook: start tags (with attributes), end tags and text,
 * handed to callbacks as they come (no tree, no DOM). Enough XML for what spreadsheet programs write, and
 * safe on what they should not: a DOCTYPE and its entity declarations are skipped, never expanded; only
 * the five predefined entities and numeric character references are decoded; element and attribute
 * names lose their namespace prefix (`x:c` is `c`), and attributes are returned in a `Map`, so a name
 * such as `__proto__` is only a key.
 */

/** Attributes of a start tag, by local name. */
export type XmlAttributes = Map<string, string>;

/** What the scanner reports. Every callback is optional. */
export interface XmlHandler {
  open?(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Counts the scanner's work (characters examined one by one in its loops), for tests that check it is linear. */
export interface XmlWorkCounter {
  steps: number;
}

/** Thrown on text that is not well-formed enough to read (an unterminated tag, comment or section). */
export class XmlSyntaxError extends Error {}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

function codePointText(code: number, original: string): string {
  // Not a character: kept as written rather than guessed.
  if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return original;
  return String.fromCodePoint(code);
}

/**
 * Decodes the predefined entities and numeric character references; any other `&name;` is left as written.
 * @param text - raw text or attribute value
 * @returns the decoded text
 * @example
 * ```ts
 * decodeXmlText("a &amp; b &#7841; &#x1EA1; &ext;"); // "a & b ạ ạ &ext;"
 * ```
 */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9._-]*);/g, (original, body: string) => {
    if (body[0] === "#") return codePointText(body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10), original);
    return PREDEFINED.get(body) ?? original;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Reads `name="value"` pairs in one left-to-right pass (no regular expression: a backtracking one takes quadratic
 * time on a long run of name characters with no `=`). What is not a pair is skipped.
 */
function readAttributes(source: string, counter: XmlWorkCounter | undefined): XmlAttributes {
  const attributes: XmlAttributes = new Map();
  const length = source.length;
  let i = 0;
  while (i < length) {
    while (i < length && (isSpace(source.charCodeAt(i)) || source[i] === "/" || source[i] === ">")) i++;
    const nameStart = i;
    while (i < length && !isSpace(source.charCodeAt(i)) && source[i] !== "=" && source[i] !== "/" && source[i] !== ">") i++;
    const name = source.slice(nameStart, i);
    while (i < length && isSpace(source.charCodeAt(i))) i++;
    if (source[i] !== "=") {
      // A name without a value: skipped (i has moved past it, or past one stray character).
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < length && isSpace(source.charCodeAt(i))) i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = source.indexOf(quote, i + 1);
    if (close < 0) break;
    const value = source.slice(i + 1, close);
    i = close + 1;
    if (name === "" || name === "xmlns" || name.startsWith("xmlns:")) continue;
    attributes.set(localName(name), decodeXmlText(value));
  }
  // One pass: each character is looked at a bounded number of times.
  if (counter) counter.steps += length;
  return attributes;
}

/**
 * Finds the `>` that ends a start tag (outside quoted attribute values) or, with `brackets`, a DOCTYPE (also
 * outside its internal subset in `[…]`; the entity declarations there are skipped, never read).
 */
function markupEnd(xml: string, from: number, brackets: boolean, counter: XmlWorkCounter | undefined): number {
  let depth = 0;
  let quote = "";
  for (let i = from; i < xml.length; i++) {
    if (counter) counter.steps++;
    const character = xml[i];
    if (quote !== "") {
      if (character === quote) quote = "";
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (brackets && character === "[") {
      depth++;
    } else if (brackets && character === "]") {
      depth--;
    } else if (character === ">" && depth <= 0) {
      return i;
    }
  }
  return -1;
}

function need(position: number, what: string): number {
  if (position < 0) throw new XmlSyntaxError(`unterminated ${what}`);
  return position;
}

/**
 * Scans an XML document and reports its start tags, end tags and text, in order.
 * @param xml - the document
 * @param handler - the callbacks
 * @param counter - counts the work done (tests); every step is one character examined, so a linear scan stays
 *   within a small multiple of the document's length
 * @throws XmlSyntaxError on an unterminated tag, comment, CDATA section or DOCTYPE
 * @example
 * ```ts
 * scanXml('<a x="1">b &amp; c</a>', { open: (name, attributes) => console.log(name, attributes.get("x")), text: console.log });
 * ```
 */
export function scanXml(xml: string, handler: XmlHandler, counter?: XmlWorkCounter): void {
  const wantsText = handler.text !== undefined;
  let position = 0;
  const length = xml.length;
  while (position < length) {
    if (counter) counter.steps++;
    const lt = xml.indexOf("<", position);
    const textEnd = lt < 0 ? length : lt;
    if (wantsText && textEnd > position) handler.text?.(decodeXmlText(xml.slice(position, textEnd)));
    if (lt < 0) break;
    const next = xml[lt + 1];
    if (next === "/") {
      const end = need(xml.indexOf(">", lt), "end tag");
      handler.close?.(localName(xml.slice(lt + 2, end).trim()));
      position = end + 1;
    } else if (next === "?") {
      position = need(xml.indexOf("?>", lt + 2), "processing instruction") + 2;
    } else if (next === "!") {
      if (xml.startsWith("<!--", lt)) {
        position = need(xml.indexOf("-->", lt + 4), "comment") + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = need(xml.indexOf("]]>", lt + 9), "CDATA section");
        if (wantsText) handler.text?.(xml.slice(lt + 9, end));
        position = end + 3;
      } else {
        position = need(markupEnd(xml, lt + 2, true, counter), "DOCTYPE") + 1;
      }
    } else {
      const end = need(markupEnd(xml, lt + 1, false, counter), "start tag");
      const selfClosing = xml[end - 1] === "/";
      const inner = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameEnd = inner.search(/[\s/]/);
      const name = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
      const attributes = readAttributes(nameEnd < 0 ? "" : inner.slice(nameEnd), counter);
      const local = localName(name);
      handler.open?.(local, attributes, selfClosing);
      if (selfClosing) handler.close?.(local);
      position = end + 1;
    }
  }
}
