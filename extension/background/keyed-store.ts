/** A set of records keyed by `captureId`. The outbox uses IndexedDB in the browser and a Map in unit tests. */
export interface KeyedStore<T extends { captureId: string }> {
  get(captureId: string): Promise<T | undefined>;
  put(record: T): Promise<void>;
  delete(captureId: string): Promise<void>;
  list(): Promise<T[]>;
}
