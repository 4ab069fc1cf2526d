/**
 * The content of a point's popup, built as DOM nodes with textContent: imported names are data,
 * never HTML, so a name like `<img onerror=…>` shows as text.
 */

export interface PopupRow {
  label: string;
  /** The value, or a placeholder while `later` is pending. */
  value: string;
  /** A value computed asynchronously (e.g. in the worker): the row is marked busy and announced when it arrives. */
  later?: Promise<string>;
  /** data-testid of the value element. */
  testId?: string;
}

/**
 * Puts an asynchronously computed value in its row, as text, unless the popup is no longer current.
 * @param detail - the row's value element (a `dd` of buildPopupContent)
 * @param text - the value
 * @param current - false when the popup was closed or replaced: a late answer is then ignored
 */
export function settlePopupRow(detail: HTMLElement, text: string, current: boolean): void {
  if (!current) return;
  detail.textContent = text;
  detail.removeAttribute("aria-busy");
}

/**
 * Builds the popup element.
 * @param title - the point's name
 * @param rows - labelled lines (kind, area, coverage…)
 * @param note - an optional emphasised line (e.g. "on the dead-zone list")
 * @returns a detached element for Popup.setDOMContent
 */
export function buildPopupContent(title: string, rows: readonly PopupRow[], note?: string): HTMLElement {
  const root = document.createElement("div");
  root.className = "point-popup";
  const heading = document.createElement("h3");
  heading.textContent = title;
  root.append(heading);
  const list = document.createElement("dl");
  for (const row of rows) {
    const term = document.createElement("dt");
    term.textContent = row.label;
    const detail = document.createElement("dd");
    detail.textContent = row.value;
    if (row.testId) detail.dataset.testid = row.testId;
    if (row.later) {
      // Screen readers hear the value once it replaces the placeholder.
      detail.setAttribute("aria-live", "polite");
      detail.setAttribute("aria-busy", "true");
    }
    list.append(term, detail);
  }
  root.append(list);
  if (note) {
    const paragraph = document.createElement("p");
    paragraph.className = "point-popup-note";
    paragraph.textContent = note;
    root.append(paragraph);
  }
  return root;
}
