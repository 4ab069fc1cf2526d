import { useApp, useAppState, useTranslation } from "../app_context.ts";

/**
 * Errors and information for the user (storage failures, cancelled analyses…), each dismissable.
 * @returns the list of notices
 */
export function Notices() {
  const [t, language] = useTranslation();
  const { controller } = useApp();
  const notices = useAppState((state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((notice) => (
        <li
          key={notice.id}
          className={`notice notice-${notice.severity}`}
          role={notice.severity === "error" ? "alert" : "status"}
          data-testid={`notice-${notice.severity}`}
        >
          <span>{notice.message[language]}</span>
          <button type="button" onClick={() => controller.dismiss(notice.id)} aria-label={t("app.close")}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
