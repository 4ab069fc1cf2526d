/**
 * A windowed list: only the rows in view (plus a margin) are in the DOM, so 100,000 rows scroll
 * as smoothly as 100. Rows have a fixed height.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";

export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  /** Extra rows rendered above and below the visible ones. */
  overscan?: number;
  className?: string;
  testId?: string;
  label: string;
  /** Changing this scrolls back to the top (e.g. a new search). */
  resetKey?: string;
}

/**
 * Computes which rows to render.
 * @param scrollTop - the container's scroll offset
 * @param height - the container's height
 * @param rowHeight - height of one row
 * @param count - number of rows
 * @param overscan - extra rows each side
 * @returns the first (inclusive) and last (exclusive) row index
 */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/**
 * The windowed rows.
 * @param props - row count, height and renderer
 * @returns the scroll container
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { count, rowHeight, renderRow, overscan = 8 } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (containerRef.current) containerRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  const [first, last] = visibleRange(scrollTop, height, rowHeight, count, overscan);
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) rows.push(renderRow(index));
  return (
    <div
      ref={containerRef}
      className={props.className}
      data-testid={props.testId}
      role="rowgroup"
      aria-label={props.label}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: count * rowHeight, position: "relative" }}>
        <div style={{ position: "absolute", top: first * rowHeight, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
