/**
 * A sentence read out at once (role="alert"): what is wrong with a form's input, or why a computation failed;
 * nothing when all is well.
 * @param props - the sentence (or nothing) and the paragraph's class
 * @returns the paragraph, or nothing
 */
export function AlertText({ text, className }: { text: string | null | undefined; className: string }) {
  if (!text) return null;
  return (
    <p className={className} role="alert">
      {text}
    </p>
  );
}
