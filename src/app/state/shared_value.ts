/**
 * One value that components far apart read and write (a panel and the map beside it, a preference every export
 * reads) without it going through the app's main store and its URL state: the smallest external store React reads
 * through useSyncExternalStore.
 */
import { useSyncExternalStore } from "react";

export interface SharedValue<T> {
  /** The value now (outside React, or in an event handler). */
  get(): T;
  /** Replaces the value and re-renders whoever reads it. */
  set(next: T): void;
  /** The value, for a component: re-renders it when the value changes. */
  use(): T;
}

/**
 * Creates a shared value.
 * @param initial - the value until the first set
 * @returns its get, set and hook
 */
export function createSharedValue<T>(initial: T): SharedValue<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const get = () => current;
  return {
    get,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, get, get),
  };
}
