import { useMemo, type KeyboardEvent } from "react";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { VirtualRows } from "../components/VirtualRows.tsx";
import type { MessageKey } from "../i18n/i18n.ts";
import { useListRows } from "../state/use_list_rows.ts";
import { areaNames, type SortColumn } from "./list_rows.ts";
import { communeLabel, pointCounts, repeatedCommuneNames } from "./lookup.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { selectPoint, setSearch, sortList } from "../state/updaters.ts";

/** Taller rows where the pointer is a finger (a touch target of at least 44 px). */
const ROW_HEIGHT = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches ? 44 : 34;
const COLUMNS: { column: SortColumn; key: MessageKey }[] = [
  { column: "name", key: "list.column.name" },
  { column: "kind", key: "list.column.kind" },
  { column: "commune", key: "list.column.commune" },
  { column: "province", key: "list.column.province" },
  { column: "id", key: "list.column.id" },
];

/**
 * The uncovered points under the filters: searchable, sortable, windowed for 100,000 rows.
 * Choosing a row flies the map to the point and opens its popup.
 * @returns the list panel
 */
export function UncoveredList() {
  const [t, language] = useTranslation();
  const { store } = useApp();
  const data = useAppState((state) => state.data);
  const search = useAppState((state) => state.search);
  const sort = useAppState((state) => state.listSort);
  const selected = useAppState((state) => state.selectedPointIndex);
  const rows = useListRows();
  // A commune name that two provinces share reads "Yên Bình (Lào Cai)", also where the province column is hidden.
  const repeated = useMemo(() => repeatedCommuneNames(data?.analysis.communes ?? []), [data]);

  // On a narrow screen the list fills the screen: choosing a point goes back to the map (ignored when wide).
  const choose = (index: number) => store.setState((state) => selectPoint(state, { index }));
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, position: number) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(index);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const sibling = (event.key === "ArrowDown" ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling) as HTMLElement | null;
      sibling?.focus();
      void position;
    }
  };
  const setSort = (column: SortColumn) => store.setState((state) => sortList(state, column));

  return (
    <section className="list-panel" aria-labelledby="list-heading">
      <h2 id="list-heading">{t("list.heading")}</h2>
      <label className="field search">
        <span>{t("list.search")}</span>
        <input type="search" value={search} onChange={(event) => store.setState((state) => setSearch(state, event.target.value))} data-testid="search-input" />
      </label>
      <p className="hint" aria-live="polite">
        {t("list.rows", { count: rows.length })}{" "}
        <span className="visually-hidden" data-testid="list-row-count">
          {rows.length}
        </span>{" "}
        · {t("list.rowHint")}
      </p>
      <div className="list-table" role="table" aria-label={t("list.heading")} aria-rowcount={rows.length + 1}>
        <div className="list-row list-header" role="row">
          {COLUMNS.map(({ column, key }) => (
            <div key={column} role="columnheader" className={`list-cell list-cell-${column}`} aria-sort={sort.column === column ? sort.direction : "none"}>
              <button type="button" onClick={() => setSort(column)} aria-label={t("list.sortBy", { column: t(key) })} data-testid={`sort-${column}`}>
                {t(key)} {sort.column === column ? (sort.direction === "ascending" ? "▲" : "▼") : ""}
              </button>
            </div>
          ))}
          <div role="columnheader" className="list-cell list-cell-weight" title={t("list.column.weightHint")}>
            <span className="list-header-text">{t("list.column.weight")}</span>
          </div>
        </div>
        {data && rows.length > 0 ? (
          <VirtualRows
            count={rows.length}
            rowHeight={ROW_HEIGHT}
            className="list-body"
            testId="uncovered-list"
            label={t("list.heading")}
            resetKey={`${search}|${sort.column}|${sort.direction}`}
            renderRow={(position) => {
              const index = rows[position];
              const point = data.points[index];
              const { province, commune: communeName } = areaNames(data, index);
              const commune = communeName ? communeLabel(communeName, province || undefined, repeated) : "";
              const counts = pointCounts(point);
              return (
                <div
                  key={index}
                  role="row"
                  tabIndex={0}
                  aria-rowindex={position + 2}
                  aria-selected={selected === index}
                  className={`list-row${selected === index ? " list-row-selected" : ""}`}
                  style={{ height: ROW_HEIGHT }}
                  data-testid="uncovered-row"
                  data-point-id={point.id}
                  onClick={() => choose(index)}
                  onKeyDown={(event) => onRowKey(event, index, position)}
                >
                  <div role="cell" className="list-cell list-cell-name" title={point.name}>
                    {point.name}
                  </div>
                  <div role="cell" className="list-cell list-cell-kind">
                    {t(`kind.${point.kind}`)}
                  </div>
                  <div role="cell" className="list-cell list-cell-commune" title={commune}>
                    {commune}
                  </div>
                  <div role="cell" className="list-cell list-cell-province" title={province}>
                    {province}
                  </div>
                  <div role="cell" className="list-cell list-cell-id">
                    {point.id}
                  </div>
                  <div
                    role="cell"
                    className="list-cell list-cell-weight"
                    title={
                      counts
                        .map((entry) => `${t(entry.kind === "pupils" ? "popup.pupils" : "popup.households")}: ${formatNumber(language, entry.value, 0)}`)
                        .join("; ") || undefined
                    }
                    data-testid="uncovered-row-weight"
                  >
                    {counts.map((entry) => formatNumber(language, entry.value, 0)).join(" / ")}
                  </div>
                </div>
              );
            }}
          />
        ) : (
          <p className="list-empty" data-testid="uncovered-list">
            {t("list.empty")}
          </p>
        )}
      </div>
    </section>
  );
}
