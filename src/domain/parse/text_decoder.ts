/**
 * A minimal, local view of the WHATWG `TextDecoder`, which exists in Node and in browsers but not
 * in the domain's `lib: ["ES2022"]`. It is read from `globalThis` with a local type instead of a
 * global `declare var`, because a global declaration would clash with the DOM and Node typings
 * when the same files are compiled by the app and node tsconfigs.
 */
export interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A minimal, local view of the WHATWG `TextEncoder` (UTF-8), for the same reason. */
export interface TextEncoderLike {
  encode(text: string): Uint8Array;
}

/**
 * Returns the platform's `TextEncoder` constructor.
 * @returns the constructor found on `globalThis`
 */
export function textEncoderClass(): new () => TextEncoderLike {
  const candidate = (globalThis as unknown as { TextEncoder?: new () => TextEncoderLike }).TextEncoder;
  // Dangerous: an invariant, not a user error. Every supported runtime (Node ≥ 20, browsers, workers) has it.
  if (candidate === undefined) throw new Error("TextEncoder is not available in this runtime");
  return candidate;
}

/** The constructor of a WHATWG text decoder (only the options this module uses). */
export type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

/**
 * Returns the platform's `TextDecoder` constructor.
 * @returns the constructor found on `globalThis`
 */
export function textDecoderClass(): TextDecoderConstructor {
  const candidate = (globalThis as unknown as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  // Dangerous: an invariant, not a user error. Every supported runtime (Node ≥ 20, browsers, workers) has it.
  if (candidate === undefined) throw new Error("TextDecoder is not available in this runtime");
  return candidate;
}
