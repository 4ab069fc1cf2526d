import { describe, expect, it } from "vitest";
import { createStore } from "./store.ts";

describe("createStore", () => {
  it("tells its listeners of a change, and of nothing when an updater returns the state itself", () => {
    const store = createStore({ count: 0, name: "a" });
    let told = 0;
    store.subscribe(() => told++);
    store.setState({ count: 1 });
    store.setState((state) => ({ ...state, count: state.count + 1 }));
    expect([store.getState(), told]).toEqual([{ count: 2, name: "a" }, 2]);
    const before = store.getState();
    store.setState((state) => state);
    expect([store.getState(), told]).toEqual([before, 2]);
  });
});
