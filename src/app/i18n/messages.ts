/**
 * The app's one message catalogue: every visible string of the app, in Vietnamese (the default) and English.
 * The texts are data, kept by feature in `catalogue/*.json` so a translator edits them without touching code;
 * this module joins them into one typed object, and `MessageKey` is the union of their keys, so a misspelt key
 * is a compile error. Placeholders are written `{name}` and filled by `translate` (i18n.ts).
 */
import type { Message } from "../../domain/types.ts";
import APP from "./catalogue/app.json" with { type: "json" };
import COMPARE from "./catalogue/compare.json" with { type: "json" };
import MEASUREMENT from "./catalogue/measurement.json" with { type: "json" };
import RISK from "./catalogue/risk.json" with { type: "json" };
import SCHOOL_WEIGHT from "./catalogue/school_weight.json" with { type: "json" };
import SUGGEST from "./catalogue/suggest.json" with { type: "json" };
import TRACKING from "./catalogue/tracking.json" with { type: "json" };

export const MESSAGES = { ...APP, ...TRACKING, ...MEASUREMENT, ...RISK, ...COMPARE, ...SUGGEST, ...SCHOOL_WEIGHT } satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;
