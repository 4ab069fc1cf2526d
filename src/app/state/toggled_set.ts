/**
 * A set with one item added, or removed when it was there: the next state of a set of ticked boxes (React state is
 * replaced, never changed in place).
 * @param current - the set now
 * @param item - the item ticked or unticked
 * @returns a new set
 */
export function toggledSet<T>(current: ReadonlySet<T>, item: T): ReadonlySet<T> {
  const next = new Set(current);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
