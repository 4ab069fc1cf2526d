/**
 * The legend of a pre-built coverage map (`?coverage=coverage.pmtiles`): its layers with their release dates and a
 * switch each, what the map is (a picture built beforehand: the per-point answers need the coverage files), and the
 * reason when the file cannot be opened. Nothing is shown without the parameter.
 */
import { useEffect } from "react";
import { useTranslation } from "../app_context.ts";
import { formatReleaseDate } from "../../domain/gaps/coverage_releases.ts";
import { openPrebuiltCoverage, setPrebuiltLayerVisible, usePrebuiltCoverage } from "../../map/pmtiles_coverage.ts";

const TEXT = {
  heading: { vi: "Bản đồ vùng phủ dựng sẵn", en: "Pre-built coverage map" },
  loading: { vi: "Đang mở bản đồ dựng sẵn…", en: "Opening the pre-built map…" },
  note: {
    vi: "Đây là bản đồ dựng sẵn để xem nhanh cả nước, không cần nạp tệp. Số đếm, danh sách và tệp xuất theo từng trường, thôn cần các tệp vùng phủ: hãy nạp chúng ở thẻ “Nhập”.",
    en: "This is a pre-built map to view the whole country with no upload. The counts, lists and exports per school or village need the coverage files: load them in the “Import” tab.",
  },
  built: { vi: "Dựng ngày", en: "Built on" },
  undated: { vi: "không ghi ngày", en: "undated" },
} as const;

/**
 * The pre-built map's legend section.
 * @returns the section, or nothing without `?coverage=`
 */
export function PrebuiltCoveragePanel() {
  const [, language] = useTranslation();
  const current = usePrebuiltCoverage();
  useEffect(() => {
    void openPrebuiltCoverage(window.location.search, window.location.href);
  }, []);
  if (current.status === "none") return null;
  return (
    <section className="panel legend" aria-labelledby="prebuilt-heading" data-testid="prebuilt-coverage" data-state={current.status}>
      <h2 id="prebuilt-heading">{TEXT.heading[language]}</h2>
      {current.status === "loading" && <p className="hint">{TEXT.loading[language]}</p>}
      {current.status === "error" && (
        <p role="alert" className="error" data-testid="prebuilt-error">
          {current.error[language]}
        </p>
      )}
      {current.status === "ready" && (
        <>
          <p className="hint">
            {current.metadata.name} · {TEXT.built[language]} {formatReleaseDate(current.metadata.generated.slice(0, 10))}
          </p>
          <ul>
            {current.metadata.layers.map((layer, index) => (
              <li key={`${layer.carrier}-${layer.technology}`}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={current.visible[index]}
                    onChange={(event) => setPrebuiltLayerVisible(index, event.target.checked)}
                    data-testid={`prebuilt-layer-${layer.carrier}-${layer.technology}`}
                  />
                  <span
                    className="legend-swatch"
                    aria-hidden="true"
                    style={{ background: current.colors[index], opacity: 0.3 + 0.15 * ["2G", "3G", "4G", "5G"].indexOf(layer.technology) }}
                  />
                  <span>
                    {layer.carrier} {layer.technology} · {layer.asOf ? formatReleaseDate(layer.asOf) : TEXT.undated[language]}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p className="hint" data-testid="prebuilt-note">
            {TEXT.note[language]}
          </p>
          {current.metadata.attribution && <p className="hint">© {current.metadata.attribution}</p>}
        </>
      )}
    </section>
  );
}
