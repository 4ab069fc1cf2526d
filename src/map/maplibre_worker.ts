/**
 * MapLibre's worker, with one addition: the `lomsong://` scheme, whose GeoJSON it fetches as bytes
 * from the main thread (`lomsong-bytes://`, see map_data.ts) and parses here, off the main thread.
 */
import MapLibreWorker from "maplibre-gl/dist/maplibre-gl-worker.mjs";

interface RequestParameters {
  url: string;
  type?: string;
}

interface MapLibreWorkerScope {
  addProtocol(scheme: string, load: (parameters: RequestParameters, abortController: AbortController) => Promise<{ data: unknown }>): void;
  makeRequest(parameters: RequestParameters, abortController: AbortController): Promise<{ data: unknown }>;
}

const scope = self as unknown as MapLibreWorkerScope & { worker?: unknown };
// MapLibre's module starts itself on import; the package is marked free of side effects, so the
// bundler may drop that statement: start it here when it did not.
scope.worker ??= new MapLibreWorker(self);
const decoder = new TextDecoder();

scope.addProtocol("lomsong", async (parameters, abortController) => {
  const url = `lomsong-bytes://${parameters.url.slice("lomsong://".length)}`;
  const response = await scope.makeRequest({ url, type: "arrayBuffer" }, abortController);
  return { data: JSON.parse(decoder.decode(response.data as ArrayBuffer)) as unknown };
});

// MapLibre sends the GeoJSON it fetched for a source back to the main thread (for getData()), where
// deserialising 60,000 coverage polygons takes seconds. Ours came from the main thread as bytes and
// is never asked for again, so the answer to a lomsong:// load leaves it out. This wraps MapLibre's
// own handler (an internal of its worker): if a MapLibre release renames it, nothing is wrapped and
// the map still works, only slower.
interface LoadDataParameters {
  request?: { url?: string };
}
type LoadDataHandler = (mapId: string, parameters: LoadDataParameters, abortController?: AbortController) => Promise<Record<string, unknown> | undefined>;
interface WorkerInternals {
  actor?: { messageHandlers?: Record<string, LoadDataHandler>; registerMessageHandler?(type: string, handler: LoadDataHandler): void };
}
const actor = (scope.worker as WorkerInternals | undefined)?.actor;
const loadData = actor?.messageHandlers?.LD;
if (actor?.registerMessageHandler && loadData) {
  actor.registerMessageHandler("LD", async (mapId, parameters, abortController) => {
    const result = await loadData(mapId, parameters, abortController);
    if (result && parameters.request?.url?.startsWith("lomsong://")) delete result.data;
    return result;
  });
}
