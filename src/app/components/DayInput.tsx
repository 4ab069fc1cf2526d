import { useEffect, useId, useState } from "react";
import type { Language } from "../../domain/types.ts";
import { DAY_PLACEHOLDER, formatDay, parseDayInput } from "../i18n/dates.ts";

export interface DayInputProps {
  language: Language;
  /** YYYY-MM-DD, or "" for none. */
  value: string;
  /** Called with YYYY-MM-DD when the text is a real day within the bounds, or "" when the box is emptied. */
  onChange: (day: string) => void;
  max?: string;
  min?: string;
  disabled?: boolean;
  required?: boolean;
  testId?: string;
  /** Read to screen readers after the box: how to type a day. */
  hint: string;
}

/**
 * A day typed as dd/mm/yyyy (2026-08-15 is accepted too), in place of `<input type="date">`, whose box
 * follows the browser's language (08/15/2026 in an English browser) rather than the app's. The text is kept
 * as typed; the value changes only when it reads as a real day within the bounds, and the box says when
 * it does not (aria-invalid).
 * @param props - the value, bounds, language and change handler
 * @returns the text box
 */
export function DayInput(props: DayInputProps) {
  const { language, value, onChange, max, min } = props;
  const [text, setText] = useState(() => (value ? formatDay(language, value) : ""));
  const hintId = useId();
  // A value set from outside (a "back to today" button, a reset) replaces the text unless it already says it.
  useEffect(() => {
    setText((current) => (parseDayInput(current) === value ? current : value ? formatDay(language, value) : ""));
  }, [value, language]);
  const parsed = parseDayInput(text);
  const outOfRange = parsed !== null && ((max !== undefined && parsed > max) || (min !== undefined && parsed < min));
  const invalid = text.trim() !== "" && (parsed === null || outOfRange);
  return (
    <>
      <input
        type="text"
        className="day-input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={DAY_PLACEHOLDER[language]}
        value={text}
        size={11}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={invalid}
        aria-describedby={hintId}
        data-testid={props.testId}
        data-value={value}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === "") {
            onChange("");
            return;
          }
          const day = parseDayInput(next);
          if (day !== null && !(max !== undefined && day > max) && !(min !== undefined && day < min)) onChange(day);
        }}
        onBlur={() => {
          // Leaving the box tidies a valid day into dd/mm/yyyy.
          if (parsed !== null && !outOfRange) setText(formatDay(language, parsed));
        }}
      />
      <span id={hintId} className="visually-hidden">
        {props.hint}
      </span>
    </>
  );
}
