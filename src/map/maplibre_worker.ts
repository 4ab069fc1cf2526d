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
