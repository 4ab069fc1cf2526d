import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { ViewSwitch } from "../tracking/ViewSwitch.tsx";
import { toggleLanguage } from "../state/updaters.ts";

/**
 * Title, the sample-data badge, the language switch and the data actions.
 * @returns the header
 */
export function Header() {
  const [t, language] = useTranslation();
  const { store, controller } = useApp();
  const files = useAppState((state) => state.files);
  const ready = useAppState((state) => state.ready);
  const busy = useAppState((state) => state.busy);
  const showingSample = files.some((file) => file.isSample);
  return (
    <header className="header">
      <div className="header-title">
        <h1>{t("app.title")}</h1>
        <p>{t("app.subtitle")}</p>
      </div>
      <ViewSwitch />
      {showingSample && (
        <p className="sample-badge" data-testid="sample-badge" role="note">
          <strong>{t("app.sampleBadge")}</strong> <span>{t("app.sampleNotice")}</span>
        </p>
      )}
      {ready && files.length === 0 && (
        <p className="empty-notice" data-testid="empty-notice" role="note">
          {t("app.empty")}
        </p>
      )}
      <div className="header-actions">
        {!showingSample && (
          <button type="button" onClick={() => void controller.resetToSample()} disabled={busy !== null} data-testid="reset-sample">
            {t("app.resetSample")}
          </button>
        )}
        {files.length > 0 && (
          <button
            type="button"
            onClick={() => {
              if (window.confirm(t("app.clearConfirm"))) void controller.clearAll();
            }}
            disabled={busy !== null}
            data-testid="clear-data"
          >
            {t("app.clearData")}
          </button>
        )}
        <button
          type="button"
          lang={language === "vi" ? "en" : "vi"}
          aria-label={t("app.languageSwitchLabel")}
          data-testid="lang-switch"
          onClick={() => store.setState(toggleLanguage)}
        >
          {t("app.languageSwitch")}
        </button>
      </div>
    </header>
  );
}
