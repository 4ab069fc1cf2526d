import { useMemo } from "react";
import { useAppState } from "../app_context.ts";
import { deriveViewCached, type DerivedView } from "./derived.ts";

/**
 * The figures for the current data and filters (shared by every panel through a one-entry cache).
 * @returns the derived view, or null when no data is loaded
 */
export function useDerivedView(): DerivedView | null {
  const data = useAppState((state) => state.data);
  const filter = useAppState((state) => state.filter);
  return useMemo(() => (data ? deriveViewCached(data, filter) : null), [data, filter]);
}
