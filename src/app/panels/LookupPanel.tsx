import { Fragment, useMemo, useState } from "react";
import { pointStatus } from "../../domain/index.ts";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { areaBounds } from "../state/area_bounds.ts";
import { toPointFilter } from "../state/derived.ts";
import { writeUrlState } from "../state/url_state.ts";
import { areaNames } from "./list_rows.ts";
import { communeLabel, coverageByCarrier, lookupPlaces, lookupPoints, pointCounts, repeatedCommuneNames, type PlaceHit } from "./lookup.ts";
import { chooseArea, selectPoint } from "../state/updaters.ts";

const POINT_LIMIT = 8;
const PLACE_LIMIT = 5;

/**
 * "Does my school have signal, and from whom?": a search over every point (covered or not) and every place,
 * without diacritics. A point's card names its commune and province and the carriers and technologies that
 * cover it, or says it has no signal, with a link to it (?point=ID); a place sets the filter and zooms to it.
 * @returns the lookup panel
 */
export function LookupPanel() {
  const [t, language] = useTranslation();
  const { store } = useApp();
  const data = useAppState((state) => state.data);
  const filter = useAppState((state) => state.filter);
  const selected = useAppState((state) => state.selectedPointIndex);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const repeated = useMemo(() => repeatedCommuneNames(data?.analysis.communes ?? []), [data]);
  const points = useMemo(() => (data && query.trim() ? lookupPoints(data, query, POINT_LIMIT) : []), [data, query]);
  const places = useMemo(() => (data && query.trim() ? lookupPlaces(data.analysis, query, PLACE_LIMIT) : []), [data, query]);
  // The card: the point chosen here, or the one selected on the map or in the list.
  const cardIndex = data ? (chosen !== null ? data.points.findIndex((point) => point.id === chosen) : selected) : null;

  const choosePoint = (index: number) => {
    setChosen(data!.points[index].id);
    store.setState((state) => selectPoint(state, { index, showMap: false }));
  };
  const choosePlace = (place: PlaceHit) => {
    const commune = place.level === "commune" ? data!.analysis.communes.find((entry) => entry.code === place.code) : undefined;
    const provinceCode = place.level === "province" ? place.code : commune?.provinceCode;
    const bounds = areaBounds(data!, place.level, place.code);
    store.setState((state) => chooseArea(state, { provinceCode, communeCode: place.level === "commune" ? place.code : undefined, bounds }));
    setChosen(null);
  };

  return (
    <section className="panel lookup" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t("lookup.heading")}</h2>
      <label className="field">
        <span>{t("lookup.label")}</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("lookup.placeholder")}
          data-testid="lookup-input"
          disabled={!data}
        />
      </label>
      {query.trim() !== "" && data && (
        <div className="lookup-results" data-testid="lookup-results" aria-live="polite">
          {points.length === 0 && places.length === 0 && <p className="hint">{t("lookup.none")}</p>}
          {places.length > 0 && (
            <ul aria-label={t("lookup.places")}>
              {places.map((place) => (
                <li key={`${place.level}-${place.code}`}>
                  <button
                    type="button"
                    className="lookup-hit"
                    onClick={() => choosePlace(place)}
                    data-testid="lookup-place"
                    data-level={place.level}
                    data-code={place.code}
                  >
                    <strong>{place.level === "commune" ? communeLabel(place.name, place.provinceName, repeated) : place.name}</strong>{" "}
                    <span className="hint">{t(place.level === "province" ? "lookup.province" : "lookup.commune")}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {points.length > 0 && (
            <ul aria-label={t("lookup.points")}>
              {points.map((index) => {
                const point = data.points[index];
                const { commune, province } = areaNames(data, index);
                return (
                  <li key={index}>
                    <button type="button" className="lookup-hit" onClick={() => choosePoint(index)} data-testid="lookup-point" data-point-id={point.id}>
                      <strong>{point.name || point.id}</strong> <span className="hint">{[commune, province].filter(Boolean).join(", ")}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {data && cardIndex !== null && cardIndex >= 0 && cardIndex < data.points.length && (
        <PointCard index={cardIndex} filterTechnology={filter.minTechnology} language={language} />
      )}
    </section>
  );

  function PointCard({ index, filterTechnology }: { index: number; filterTechnology: string | undefined; language: string }) {
    const point = data!.points[index];
    const { commune, province } = areaNames(data!, index);
    const carriers = coverageByCarrier(data!.analysis, index);
    const status = pointStatus(data!.analysis, index, toPointFilter({ ...filter, kinds: [], provinceCode: undefined, communeCode: undefined }));
    const counts = pointCounts(point);
    const link = `${location.origin}${location.pathname}${writeUrlState({ language, sampleNone: false, filter, search: "", point: point.id })}`;
    return (
      <article className="lookup-card" data-testid="lookup-card" data-point-id={point.id} aria-labelledby="lookup-card-title">
        <h3 id="lookup-card-title">{point.name || point.id}</h3>
        <dl>
          <dt>{t("popup.kind")}</dt>
          <dd>{t(`kind.${point.kind}`)}</dd>
          <dt>{t("list.column.commune")}</dt>
          <dd>{commune ? communeLabel(commune, province, repeated) : t("popup.unknownArea")}</dd>
          <dt>{t("list.column.province")}</dt>
          <dd>{province || t("popup.unknownArea")}</dd>
          {counts.map((entry) => (
            <Fragment key={entry.kind}>
              <dt>{t(entry.kind === "pupils" ? "popup.pupils" : "popup.households")}</dt>
              <dd>{formatNumber(language === "en" ? "en" : "vi", entry.value, 0)}</dd>
            </Fragment>
          ))}
          <dt>{t("lookup.signal")}</dt>
          <dd data-testid="lookup-signal">
            {carriers.length === 0 ? (
              <strong className="lookup-none">{t("lookup.noSignal")}</strong>
            ) : (
              <ul className="lookup-carriers">
                {carriers.map((entry) => (
                  <li key={entry.carrier} data-testid="lookup-carrier">
                    <strong>{entry.carrier}</strong>: {entry.technologies.join(", ")}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {filterTechnology && carriers.length > 0 && (
            <>
              <dt>{t("lookup.verdict", { technology: filterTechnology })}</dt>
              <dd data-testid="lookup-verdict">{t(`status.${status}`)}</dd>
            </>
          )}
        </dl>
        <p className="lookup-link">
          <a href={link} data-testid="lookup-link">
            {t("lookup.link")}
          </a>{" "}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
            {t("lookup.copy")}
          </button>
        </p>
      </article>
    );
  }
}
