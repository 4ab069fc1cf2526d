import type { ReactNode } from "react";

/**
 * The form of a panel that asks the worker for one computation (the suggested sites, the comparison of two
 * releases): its fields, then the button, which says the work is running and waits meanwhile.
 * @param props - what the button starts, whether it runs now, the button's test id and its two texts, the fields
 * @returns the form
 */
export function RunForm(props: { onRun: () => void; busy: boolean; testId: string; label: string; runningLabel: string; children: ReactNode }) {
  return (
    <form
      className="suggest-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onRun();
      }}
    >
      {props.children}
      <button type="submit" disabled={props.busy} data-testid={props.testId}>
        {props.busy ? props.runningLabel : props.label}
      </button>
    </form>
  );
}
