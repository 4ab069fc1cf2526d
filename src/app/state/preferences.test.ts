import { describe, expect, it } from "vitest";
import { DEFAULT_AGENCY, memoryPreferenceStorage, readPreferences, startPreferenceSync } from "./preferences.ts";
import { createStore, type AppState } from "./store.ts";
import { parseUrlState } from "./url_state.ts";
import { initialAppState, setAgency, setCsvSeparator, setExportNearest, setSearch } from "./updaters.ts";

describe("preferences", () => {
  it("read the defaults from an empty or unreadable storage, and what was kept otherwise", () => {
    expect(readPreferences(memoryPreferenceStorage())).toEqual({ csvSeparator: "comma", exportNearest: false, agency: DEFAULT_AGENCY });
    expect(readPreferences(memoryPreferenceStorage({ "lom-song.csv-separator": "tab", "lom-song.export-nearest": "yes", "lom-song.agency": "  " }))).toEqual({
      csvSeparator: "comma",
      exportNearest: false,
      agency: DEFAULT_AGENCY,
    });
    expect(
      readPreferences(
        memoryPreferenceStorage({ "lom-song.csv-separator": "semicolon", "lom-song.export-nearest": "1", "lom-song.agency": "Sở KH&CN tỉnh Lào Cai" }),
      ),
    ).toEqual({ csvSeparator: "semicolon", exportNearest: true, agency: "Sở KH&CN tỉnh Lào Cai" });
  });

  it("write each changed preference once, nothing for other changes, and forget the agency set back to the default", () => {
    const storage = memoryPreferenceStorage();
    const writes: string[] = [];
    const write = storage.write;
    storage.write = (key, value) => {
      writes.push(`${key}=${value}`);
      write(key, value);
    };
    const store = createStore<AppState>(initialAppState(parseUrlState(""), readPreferences(storage)));
    startPreferenceSync(store, storage);
    store.setState((state) => setSearch(state, "Bản"));
    store.setState((state) => setCsvSeparator(state, "semicolon"));
    store.setState((state) => setExportNearest(state, true));
    store.setState((state) => setAgency(state, "  Sở Khoa học và Công nghệ tỉnh Lạng Sơn "));
    expect(writes).toEqual(["lom-song.csv-separator=semicolon", "lom-song.export-nearest=1", "lom-song.agency=Sở Khoa học và Công nghệ tỉnh Lạng Sơn"]);
    expect(readPreferences(storage)).toEqual(store.getState().preferences);
    store.setState((state) => setAgency(state, ""));
    expect([store.getState().preferences.agency, storage.values.has("lom-song.agency"), writes.at(-1)]).toEqual([
      DEFAULT_AGENCY,
      false,
      "lom-song.agency=null",
    ]);
  });
});
