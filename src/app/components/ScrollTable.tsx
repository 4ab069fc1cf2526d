import type { ReactNode } from "react";
import { ColumnHeads } from "./ColumnHeads.tsx";

/**
 * A table of the panels: it scrolls sideways inside its own box on a narrow screen (the page does not), with an
 * optional caption and one header row of column labels.
 * @param props - the table's class and test id, its caption, its column labels (see ColumnHeads) and its rows
 * @returns the table in its scrolling box
 */
export function ScrollTable({
  className,
  testId,
  caption,
  columns,
  children,
}: {
  className: string;
  testId?: string;
  caption?: string;
  columns: readonly (string | false)[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className} data-testid={testId}>
        {caption !== undefined && <caption>{caption}</caption>}
        <ColumnHeads labels={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
