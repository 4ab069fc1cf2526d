/**
 * A table's header row: one `<th scope="col">` per label, in order. A `false` label is a column the table does
 * not show this time (an optional column), so callers write `shown && label` in place.
 * @param props - the column labels, already translated
 * @returns the table's `<thead>`
 */
export function ColumnHeads({ labels }: { labels: readonly (string | false)[] }) {
  return (
    <thead>
      <tr>
        {labels.map(
          (label, index) =>
            label !== false && (
              <th key={index} scope="col">
                {label}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
