import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { NoticeList } from "./NoticeList.tsx";

/**
 * Errors and information for the user (storage failures, cancelled analyses…), each dismissable.
 * @returns the list of notices
 */
export function Notices() {
  const [t, language] = useTranslation();
  const { controller } = useApp();
  const notices = useAppState((state) => state.notices);
  return (
    <NoticeList
      notices={notices.map((notice) => ({ id: notice.id, severity: notice.severity, text: notice.message[language] }))}
      className="notices"
      testIdPrefix="notice"
      closeLabel={t("app.close")}
      onDismiss={(id) => controller.dismiss(id)}
    />
  );
}
