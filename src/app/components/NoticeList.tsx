/** A notice as shown: its id, whether it is an error, and its sentence in the interface language. */
export interface ShownNotice {
  id: number;
  severity: "error" | "info";
  text: string;
}

/**
 * Notices for the user, each dismissable: an error is read out at once (role="alert"), information politely.
 * The app's notices and the tracking view's notices are kept apart (two stores) but shown alike.
 * @param props - the notices; the list's class, the test ids' prefix, the close button's label and the dismissal
 * @returns the list, or nothing when there is no notice
 */
export function NoticeList({
  notices,
  className,
  testIdPrefix,
  closeLabel,
  onDismiss,
}: {
  notices: readonly ShownNotice[];
  className: string;
  testIdPrefix: string;
  closeLabel: string;
  onDismiss: (id: number) => void;
}) {
  if (notices.length === 0) return null;
  return (
    <ul className={className} aria-live="polite">
      {notices.map((notice) => (
        <li
          key={notice.id}
          className={`notice notice-${notice.severity}`}
          role={notice.severity === "error" ? "alert" : "status"}
          data-testid={`${testIdPrefix}-${notice.severity}`}
        >
          <span>{notice.text}</span>
          <button type="button" onClick={() => onDismiss(notice.id)} aria-label={closeLabel}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
