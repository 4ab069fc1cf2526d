/**
 * Which buffers cross the worker boundary by transfer rather than by copy, per request type: a structured
 * clone of a national analysis's masks and map payload would cost the main thread as much as reading them.
 * Params: the client transfers copies, so the caller keeps its own bytes and arrays (a transferred buffer is
 * emptied on the sender's side). Results: the worker transfers its own buffers, which it does not keep.
 * A request type without buffers needs no entry.
 */
import type { RequestParams, RequestResult, RequestType } from "./messages.ts";

/** Params made ready to post: copies of the buffers, and the list of those copies. */
type Prepared<K extends RequestType> = { params: RequestParams<K>; transfer: Transferable[] };

/** Copies a typed array into a fresh buffer of its own, listed for transfer. */
function copied<T extends Uint8Array | Float64Array>(array: T, transfer: Transferable[]): T {
  const copy = array.slice() as T;
  transfer.push(copy.buffer);
  return copy;
}

/** Copies an ArrayBuffer, listed for transfer. */
function copiedBuffer(buffer: ArrayBuffer, transfer: Transferable[]): ArrayBuffer {
  const copy = buffer.slice(0);
  transfer.push(copy);
  return copy;
}

/** Per request type with buffers in its params: the params to post and what to transfer. */
export const paramsTransfer: { [K in RequestType]?: (params: RequestParams<K>) => Prepared<K> } = {
  inspect: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, bytes: copiedBuffer(params.bytes, transfer) }, transfer };
  },
  analyze: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, files: params.files.map((file) => ({ ...file, bytes: copiedBuffer(file.bytes, transfer) })) }, transfer };
  },
  tracking: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, input: { ...params.input, bytes: copied(params.input.bytes, transfer) } }, transfer };
  },
  coverAt: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, lon: copied(params.lon, transfer), lat: copied(params.lat, transfer) }, transfer };
  },
  suggest: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, lon: copied(params.lon, transfer), lat: copied(params.lat, transfer), weight: copied(params.weight, transfer) }, transfer };
  },
};

/** Per request type with buffers in its result: the buffers the worker hands over. */
export const resultTransfer: { [K in RequestType]?: (result: RequestResult<K>) => Transferable[] } = {
  analyze: (result) => {
    const { masks, provinceOf, communeOf } = result.analysis;
    const { map } = result;
    const buffers = [masks.buffer, provinceOf.buffer, communeOf.buffer, map.points, map.importedAdmin, map.adminLabels, map.status.buffer, map.visible.buffer];
    // The same buffer listed twice is a DataCloneError; a SharedArrayBuffer cannot be transferred.
    return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
  },
  tile: (result) => (result.image ? [result.image] : []),
  coverAt: (result) => (result.coverage ? [result.coverage.masks.buffer as ArrayBuffer] : []),
};

/**
 * The params of a request, ready to post.
 * @param type - the request type
 * @param params - the caller's params (left untouched)
 * @returns the params to post and the buffers to transfer
 */
export function prepareParams<K extends RequestType>(type: K, params: RequestParams<K>): Prepared<K> {
  const prepare = paramsTransfer[type] as ((params: RequestParams<K>) => Prepared<K>) | undefined;
  return prepare ? prepare(params) : { params, transfer: [] };
}

/**
 * The buffers of a result to transfer.
 * @param type - the request type
 * @param result - the handler's result
 * @returns the transfer list
 */
export function resultTransferables<K extends RequestType>(type: K, result: RequestResult<K>): Transferable[] {
  const list = resultTransfer[type] as ((result: RequestResult<K>) => Transferable[]) | undefined;
  return list ? list(result) : [];
}
