// The saved dataset (fake-indexeddb): the files' bytes are stored as Blobs and read back byte for byte, and a record
// an earlier version saved with an ArrayBuffer still reads.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { LoadedFile } from "../../workers/messages.ts";
import { loadDataset, saveDataset } from "./file_store.ts";

// One database for the file (the store keeps its connection open): each test saves the dataset it reads.
const file = (id: string, text: string): LoadedFile => ({
  id,
  name: `${id}.csv`,
  kind: "points",
  bytes: new TextEncoder().encode(text).buffer as ArrayBuffer,
  options: {},
  isSample: false,
});

function rawFiles(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("lom-song");
    request.onsuccess = () => {
      const read = request.result.transaction("files").objectStore("files").getAll();
      read.onsuccess = () => resolve(read.result);
      read.onerror = () => reject(read.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe("the saved dataset", () => {
  it("stores the bytes as Blobs and gives them back as those Blobs, unread, in import order", async () => {
    await saveDataset([file("b", "lon,lat\n105,21\n"), file("a", "ma,lon,lat\n")]);
    expect((await rawFiles()).every((record) => (record as { bytes: unknown }).bytes instanceof Blob)).toBe(true);
    const loaded = await loadDataset();
    expect(loaded?.files.map((saved) => saved.id)).toEqual(["b", "a"]);
    // The main thread does not read them: the worker reads the Blob (LoadedFile.bytes).
    expect(loaded!.files[0]).not.toHaveProperty("bytes");
    expect(await loaded!.files[0].blob!.text()).toBe("lon,lat\n105,21\n");
    expect(await loaded!.files[1].blob!.text()).toBe("ma,lon,lat\n");
  });

  it("stores the Blob the user chose as it is, when the file has one", async () => {
    // Different from the bytes only here, to see which one was stored.
    await saveDataset([{ ...file("c", "copied"), blob: new Blob(["chosen"]) }]);
    const loaded = await loadDataset();
    expect(await loaded!.files[0].blob!.text()).toBe("chosen");
  });

  it("saves a restored file (only its Blob) again as that Blob", async () => {
    await saveDataset([file("d", "ma,lon,lat\nA,105,21\n")]);
    const restored = (await loadDataset())!.files;
    await saveDataset(restored);
    expect(await (await loadDataset())!.files[0].blob!.text()).toBe("ma,lon,lat\nA,105,21\n");
  });

  it("reads a file an earlier version saved with its bytes as an ArrayBuffer", async () => {
    await saveDataset([file("a", "x")]);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open("lom-song");
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const transaction = request.result.transaction("files", "readwrite");
        transaction.objectStore("files").put(file("a", "old bytes"));
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      };
    });
    const loaded = await loadDataset();
    expect(new TextDecoder().decode(loaded!.files[0].bytes)).toBe("old bytes");
  });
});
