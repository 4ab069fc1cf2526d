/**
 * Keeps the main map's "listed dead zone" rings in step with the tracking registry: the app store's
 * listedPointIds become the registry's point ids (its `point_id` links, else its own ids), also after a
 * registry is replaced or the coverage data re-analysed.
 */
import { useEffect } from "react";
import { useApp, useAppState } from "../app_context.ts";
import { useTracking } from "./tracking_context.ts";
import { setListedPointIds } from "../state/updaters.ts";

/** Starts the tracking data and mirrors its registry into the app store's listedPointIds. */
export function useListedHighlight(): void {
  const { store, tracking } = useApp();
  const registry = useTracking((state) => state.registry);
  const data = useAppState((state) => state.data);
  useEffect(() => {
    void tracking.start();
  }, [tracking]);
  useEffect(() => {
    if (registry.registry.length === 0) return;
    const ids = registry.registry.map((point) => point.pointId ?? point.id);
    store.setState((state) => setListedPointIds(state, ids));
  }, [registry, data, store]);
}
