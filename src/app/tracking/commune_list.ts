/**
 * The 2025 commune list (data/crosswalks/communes-2025.json, ≈ 290 KB, ≈ 70 KB gzipped) for the registry import:
 * bundled as a separate asset and fetched only when a list is imported, then kept for the session.
 * Without it (offline before first use, a failed fetch) commune names are taken as written.
 */
import communesUrl from "../../../data/crosswalks/communes-2025.json?url";
import { parseCommuneCrosswalk, type CommuneCrosswalk } from "../../domain/tracking/commune_crosswalk.ts";

let loading: Promise<CommuneCrosswalk | undefined> | null = null;

/**
 * The 2025 commune list, fetched on first call.
 * @returns the crosswalk, or undefined when it could not be loaded (the next call tries again)
 */
export function loadCommuneList(): Promise<CommuneCrosswalk | undefined> {
  loading ??= fetch(communesUrl)
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const parsed = parseCommuneCrosswalk(await response.json());
      return parsed.ok ? parsed.value : undefined;
    })
    .catch(() => {
      loading = null;
      return undefined;
    });
  return loading;
}
