import { describe, expect, it } from "vitest";
import { settlePopupRow } from "./popup_content.ts";

/** The two members settlePopupRow uses (the tests run without a DOM). */
function fakeDetail() {
  const attributes = new Map([["aria-busy", "true"]]);
  return { textContent: "…", removeAttribute: (name: string) => attributes.delete(name), attributes };
}

describe("settlePopupRow", () => {
  it("puts the late value in the row as text and clears aria-busy", () => {
    const detail = fakeDetail();
    settlePopupRow(detail as unknown as HTMLElement, "Viettel 2,6 km · <b>VNPT</b> 4,1 km", true);
    expect(detail.textContent).toBe("Viettel 2,6 km · <b>VNPT</b> 4,1 km");
    expect(detail.attributes.has("aria-busy")).toBe(false);
  });

  it("ignores an answer for a popup that was closed or replaced", () => {
    const detail = fakeDetail();
    settlePopupRow(detail as unknown as HTMLElement, "Viettel 2,6 km", false);
    expect(detail.textContent).toBe("…");
    expect(detail.attributes.get("aria-busy")).toBe("true");
  });
});
