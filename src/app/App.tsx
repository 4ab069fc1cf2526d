/**
 * The app shell: header, filters and legend, the map with the counts, and the tabbed panels.
 * It wires components together and holds no logic of its own.
 */
import { useCallback, useEffect } from "react";
import { coverageOf, peopleStatusLabel, pointStatus } from "../domain/index.ts";
import { MapView, type PointDescription } from "../map/MapView.tsx";
import { useApp, useAppState, useTranslation } from "./app_context.ts";
import { Notices } from "./components/Notices.tsx";
import { BusyBar } from "./components/BusyBar.tsx";
import { PaneNav } from "./components/PaneNav.tsx";
import { Tabs } from "./components/Tabs.tsx";
import { ExportPanel } from "./panels/ExportPanel.tsx";
import { FiltersPanel } from "./panels/FiltersPanel.tsx";
import { ImportPanel } from "./panels/ImportPanel.tsx";
import { LegendPanel } from "./panels/LegendPanel.tsx";
import { PrebuiltCoveragePanel } from "./panels/PrebuiltCoveragePanel.tsx";
import { LookupPanel } from "./panels/LookupPanel.tsx";
import { pointCounts } from "./panels/lookup.ts";
import { formatNumber } from "./i18n/i18n.ts";
import { PrintView } from "./panels/PrintView.tsx";
import { StatisticsPanel } from "./panels/StatisticsPanel.tsx";
import { UncoveredList } from "./panels/UncoveredList.tsx";
import { BOUNDARY_URLS } from "./sample_data.ts";
import { useDerivedView } from "./state/use_derived_view.ts";
import { Header } from "./panels/Header.tsx";
import { CountsBar } from "./panels/CountsBar.tsx";
import { NEAREST_POPUP_CARRIERS, formatNearestLine } from "./nearest_text.ts";
import { TrackingPage } from "./tracking/TrackingPage.tsx";
import { SuggestPanel, useOverlaySites } from "./panels/SuggestPanel.tsx";
import { openLinkedPoint, selectPoint, setCamera } from "./state/updaters.ts";
import { ComparePanel, useOverlayChanges } from "./panels/ComparePanel.tsx";

/** Panels rendered from their first visit only: they redo work on every analysis (statistics of every area; the list rows again for the export). */
const LAZY_TABS = ["statistics", "export", "compare"] as const;

/**
 * The whole app.
 * @returns the layout
 */
export function App() {
  const { store, controller } = useApp();
  const [t, language] = useTranslation();
  const data = useAppState((state) => state.data);
  const listedPointIds = useAppState((state) => state.listedPointIds);
  const layerVisibility = useAppState((state) => state.layerVisibility);
  const selectedPointIndex = useAppState((state) => state.selectedPointIndex);
  const flyRequest = useAppState((state) => state.flyRequest);
  const boundsRequest = useAppState((state) => state.boundsRequest);
  const pendingPointId = useAppState((state) => state.pendingPointId);
  // ?point=ID: once the data holding the point is analysed, select it, open its popup and fly to it.
  useEffect(() => {
    if (!data || !pendingPointId) return;
    const index = data.points.findIndex((point) => point.id === pendingPointId);
    store.setState((state) => openLinkedPoint(state, index));
  }, [data, pendingPointId, store]);
  const printing = useAppState((state) => state.printing);
  const view = useDerivedView();
  const appView = useAppState((state) => state.view ?? "map");
  const suggestedSites = useOverlaySites(data?.map.version);
  const changedPoints = useOverlayChanges(data?.map.version);
  const pane = useAppState((state) => state.pane);

  const describePoint = useCallback(
    (index: number): PointDescription => {
      const state = store.getState();
      const current = state.data!;
      const point = current.points[index];
      const analysis = current.analysis;
      const province = point.provinceName ?? (analysis.provinceOf[index] >= 0 ? analysis.provinces[analysis.provinceOf[index]].name : undefined);
      const commune = point.communeName ?? (analysis.communeOf[index] >= 0 ? analysis.communes[analysis.communeOf[index]].name : undefined);
      const layers = coverageOf(analysis, index);
      const filter = view?.pointFilter ?? {};
      const status = pointStatus(analysis, index, filter);
      const rows: PointDescription["rows"] = [
        { label: t("popup.id"), value: point.id },
        { label: t("popup.kind"), value: t(`kind.${point.kind}`) },
        { label: t("popup.area"), value: [commune, province].filter(Boolean).join(", ") || t("popup.unknownArea") },
        ...pointCounts(point).map((entry) => ({
          label: t(entry.kind === "pupils" ? "popup.pupils" : "popup.households"),
          value: formatNumber(language, entry.value, 0),
          testId: `popup-${entry.kind}`,
        })),
        // "Chưa có sóng 4G" rather than "no signal from any carrier" beside a "Có sóng của: VNPT 2G" line.
        { label: t("popup.status"), value: peopleStatusLabel(status, language, filter.minTechnology), testId: "popup-status" },
        {
          label: t("popup.coveredBy"),
          value: layers.length > 0 ? layers.map((layer) => `${layer.carrier} ${layer.technology}`).join(", ") : t("popup.noCoverage"),
        },
      ];
      if (status !== "covered") {
        // Which carrier not covering the point is best placed to close the gap: measured in the worker.
        const later = controller
          .nearest({
            version: current.map.version,
            minTechnology: filter.minTechnology,
            carriers: filter.carriers,
            points: [index],
            limit: NEAREST_POPUP_CARRIERS,
          })
          .then((result) => formatNearestLine(language, result.available ? result.distances[0] : null))
          .catch(() => formatNearestLine(language, null));
        rows.push({ label: t("popup.nearest"), value: t("popup.nearestPending"), later, testId: "popup-nearest" });
      }
      return { title: point.name || point.id, rows, note: state.listedPointIds.includes(point.id) ? t("popup.listed") : undefined };
    },
    [store, controller, t, language, view],
  );

  return (
    <>
      {printing && <PrintView />}
      <div className="app" hidden={printing}>
        <a className="skip-link" href="#panels">
          {t("app.skipToList")}
        </a>
        <Header />
        <Notices />
        <BusyBar />
        {appView === "tracking" && <TrackingPage />}
        <div className="layout" data-pane={pane} style={appView === "tracking" ? { display: "none" } : undefined}>
          <aside className="sidebar" aria-label={t("filters.heading")}>
            <LookupPanel />
            <FiltersPanel />
            <LegendPanel />
            <PrebuiltCoveragePanel />
          </aside>
          <main className="map-column">
            <CountsBar />
            <MapView
              language={language}
              data={data}
              statuses={view?.statuses ?? null}
              shown={view?.shown ?? null}
              coverageFilter={view?.pointFilter}
              listedPointIds={listedPointIds}
              layerVisibility={layerVisibility}
              selectedPointIndex={selectedPointIndex}
              flyRequest={flyRequest}
              boundsRequest={boundsRequest}
              initialCamera={store.getState().camera}
              boundaryUrls={BOUNDARY_URLS}
              labels={{
                noWebgl: t("map.noWebgl"),
                mapLabel: t("map.label"),
                mapError: t("map.error", { reason: "WebGL" }),
                zoomIn: t("map.zoomIn"),
                zoomOut: t("map.zoomOut"),
                toggleAttribution: t("map.toggleAttribution"),
                closePopup: t("map.closePopup"),
              }}
              describePoint={describePoint}
              sites={suggestedSites}
              changes={changedPoints}
              onCameraChange={(camera) => store.setState((state) => setCamera(state, camera))}
              onSelectPoint={(index) => store.setState((state) => selectPoint(state, { index, fly: false, showMap: false }))}
            />
          </main>
          <section className="panels" id="panels" aria-label={t("app.tabs")}>
            <Tabs
              panels={{
                list: <UncoveredList />,
                statistics: <StatisticsPanel />,
                import: <ImportPanel />,
                export: <ExportPanel />,
                suggest: <SuggestPanel />,
                compare: <ComparePanel />,
              }}
              lazy={LAZY_TABS}
            />
          </section>
          <PaneNav />
        </div>
      </div>
    </>
  );
}
