import type { KeyedStore } from '../../../../extension/background/keyed-store';

/** Creates a KeyedStore over a Map that stores copies, as IndexedDB's structured clone does. */
export function memoryStore<T extends { captureId: string }>(): KeyedStore<T> & { records: Map<string, T> } {
  const records = new Map<string, T>();
  return {
    records,
    async get(captureId) {
      const record = records.get(captureId);
      return record && structuredClone(record);
    },
    async put(record) {
      records.set(record.captureId, structuredClone(record));
    },
    async delete(captureId) {
      records.delete(captureId);
    },
    async list() {
      return [...records.values()].map((record) => structuredClone(record));
    },
  };
}
