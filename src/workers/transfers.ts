/**
 * Which buffers cross the worker boundary by transfer rather than by copy, per request type: a structured
 * clone of a national analysis's masks and map payload would cost the main thread as much as reading them.
 * Params: the client transfers copies, so the caller keeps its own bytes and arrays (a transferred buffer is
 * emptied on the sender's side). Results: the worker transfers its own buffers, which it does not keep.
 * A request type without buffers needs no entry.
 */
import type { PostedBlob, RequestParams, RequestResult, RequestType } from "./messages.ts";

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

const blobKeys = new WeakMap<Blob, string>();
let nextBlobKey = 1;

/** A name for this Blob object, the same every time it is posted (a File never changes: the same object, the same bytes). */
function blobKey(blob: Blob): string {
  let key = blobKeys.get(blob);
  if (key === undefined) blobKeys.set(blob, (key = `blob-${nextBlobKey++}`));
  return key;
}

type FileSource = { name: string; bytes?: ArrayBuffer; blob?: Blob; posted?: PostedBlob };

/**
 * A file as posted: its Blob when it has one (the worker reads it; structured cloning a Blob passes a reference,
 * where copying a 96 MB buffer held the main thread 0.3–0.5 s) and any bytes beside it are of the same size, else a
 * copy of its bytes. `asBlob` false posts the bytes (the retry after the worker could not read the Blob).
 */
function postedFile<T extends FileSource>(file: T, transfer: Transferable[], asBlob: boolean): T {
  const { blob, bytes, posted: _posted, ...rest } = file;
  if (blob && (bytes === undefined || (asBlob && blob.size === bytes.byteLength))) return { ...rest, posted: { blob, blobKey: blobKey(blob) } } as T;
  if (bytes === undefined) throw new Error(`${file.name}: no bytes and no Blob to post`);
  return { ...rest, bytes: copiedBuffer(bytes, transfer) } as T;
}

/** Whether every file of these params has its bytes at hand, to post them instead of a Blob the worker could not read. */
export function bytesAtHand<K extends RequestType>(type: K, params: RequestParams<K>): boolean {
  if (type === "inspect") return (params as RequestParams<"inspect">).bytes !== undefined;
  if (type === "analyze") return (params as RequestParams<"analyze">).files.every((file) => file.bytes !== undefined);
  return false;
}

/**
 * Per request type with buffers in its params: the params to post and what to transfer. `asBlob` false posts bytes
 * even for a file with a Blob (the retry after the worker could not read it).
 */
export const paramsTransfer: { [K in RequestType]?: (params: RequestParams<K>, asBlob: boolean) => Prepared<K> } = {
  inspect: (params, asBlob) => {
    const transfer: Transferable[] = [];
    return { params: postedFile(params, transfer, asBlob), transfer };
  },
  analyze: (params, asBlob) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, files: params.files.map((file) => postedFile(file, transfer, asBlob)) }, transfer };
  },
  tracking: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, input: { ...params.input, bytes: copied(params.input.bytes, transfer) } }, transfer };
  },
  coverAt: (params) => {
    const transfer: Transferable[] = [];
    return { params: { ...params, lon: copied(params.lon, transfer), lat: copied(params.lat, transfer) }, transfer };
  },
  // Not copied: the analysis worker makes the rings for this request and keeps nothing of them.
  raster: (params) => ({ params, transfer: params.rings.flatMap((layer) => [layer.values.buffer, layer.ringStart.buffer]) }),
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
    const { shown, statuses, uncovered } = result.figures.figures;
    const buffers = [
      masks.buffer,
      provinceOf.buffer,
      communeOf.buffer,
      ...(map.points ? [map.points] : []),
      map.importedAdmin,
      map.adminLabels,
      map.status.buffer,
      map.visible.buffer,
      map.positions.buffer,
      map.dots.codes.buffer,
      map.dots.dots.buffer,
      shown.buffer,
      statuses.buffer,
      uncovered.buffer,
    ];
    // The same buffer listed twice is a DataCloneError; a SharedArrayBuffer cannot be transferred.
    return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
  },
  tile: (result) => (result.image ? [result.image] : []),
  mapPoints: (result) => (result.points ? [result.points] : []),
  coverAt: (result) => (result.coverage ? [result.coverage.masks.buffer as ArrayBuffer] : []),
};

/**
 * The params of a request, ready to post.
 * @param type - the request type
 * @param params - the caller's params (left untouched)
 * @param asBlob - post a file's Blob instead of its bytes when it has one (false: the bytes, copied)
 * @returns the params to post and the buffers to transfer
 */
export function prepareParams<K extends RequestType>(type: K, params: RequestParams<K>, asBlob = true): Prepared<K> {
  const prepare = paramsTransfer[type] as ((params: RequestParams<K>, asBlob: boolean) => Prepared<K>) | undefined;
  return prepare ? prepare(params, asBlob) : { params, transfer: [] };
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
