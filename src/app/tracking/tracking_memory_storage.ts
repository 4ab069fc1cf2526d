/**
 * The tracking storage port kept in memory: the same rules as the IndexedDB one (append only by event id,
 * seed only when empty, replace keeps the last automatic backups, the outbox survives a replace), nothing
 * kept after the page. For unit tests of the controller's success paths, and for a page that must not write
 * to the browser. Values are copied in and out (structuredClone), as storage would, so a caller that mutates
 * what it saved or loaded cannot change what is kept.
 */
import type { StatusEvent } from "../../domain/tracking/events.ts";
import { AUTO_BACKUPS_KEPT, type AutoBackup, type BackupMark, type SavedRegistry, type TrackingStorage } from "./tracking_storage.ts";

interface MemoryData {
  registry: SavedRegistry | null;
  events: StatusEvent[];
  outbox: StatusEvent[];
  backup: BackupMark | null;
  autoBackups: AutoBackup[];
}

/**
 * A fresh, empty storage in memory.
 * @returns the storage port
 */
export function createMemoryTrackingStorage(): TrackingStorage {
  const data: MemoryData = { registry: null, events: [], outbox: [], backup: null, autoBackups: [] };
  const appendMissing = (log: StatusEvent[], events: readonly StatusEvent[]): StatusEvent[] => {
    const stored = new Set(log.map((event) => event.id));
    const added: StatusEvent[] = [];
    for (const event of events) {
      if (stored.has(event.id)) continue;
      stored.add(event.id);
      added.push(event);
    }
    log.push(...structuredClone(added));
    return added;
  };
  return {
    async load() {
      if (!data.registry) return null;
      return structuredClone({ registry: data.registry, events: data.events, outbox: data.outbox, backup: data.backup, invalidRecords: 0 });
    },
    async append(target, events) {
      return appendMissing(target === "events" ? data.events : data.outbox, events);
    },
    async seed(seed) {
      if (data.registry) return false;
      data.registry = structuredClone(seed.registry);
      data.backup = structuredClone(seed.backup);
      appendMissing(data.events, seed.events);
      appendMissing(data.outbox, seed.outbox);
      return true;
    },
    async replace(replacement, autoBackup) {
      data.autoBackups = [...data.autoBackups, structuredClone(autoBackup)].slice(-AUTO_BACKUPS_KEPT);
      data.registry = structuredClone(replacement.registry);
      data.backup = structuredClone(replacement.backup);
      data.events = structuredClone([...replacement.events]);
    },
    async autoBackups() {
      return structuredClone(data.autoBackups);
    },
    async saveRegistry(registry) {
      data.registry = structuredClone(registry);
    },
    async saveBackupMark(mark) {
      data.backup = structuredClone(mark);
    },
    async requestPersistence() {
      return "unsupported";
    },
  };
}
