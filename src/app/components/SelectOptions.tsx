/**
 * The `<option>`s of a `<select>`: an optional empty choice first (value ""), then one option per item.
 * @param props - the items; how an item is written as a value (the item itself by default) and as text (its value
 * by default); the text of the empty choice, when the select has one
 * @returns the options, for inside a `<select>`
 */
export function SelectOptions<T>({
  items,
  toValue = (item: T) => String(item),
  toLabel = toValue,
  empty,
}: {
  items: readonly T[];
  toValue?: (item: T) => string;
  toLabel?: (item: T) => string;
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {items.map((item) => (
        <option key={toValue(item)} value={toValue(item)}>
          {toLabel(item)}
        </option>
      ))}
    </>
  );
}
