/**
 * The content of a point's popup, built as DOM nodes with textContent: imported names are data,
 * never HTML, so a name like `<img onerror=…>` shows as text.
 */

export interface PopupRow {
  label: string;
  value: string;
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
