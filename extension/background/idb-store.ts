// IndexedDB storage of the outbox. It survives the service worker being stopped, which Chrome does after about
// 30 seconds without events, so a capture waiting for the backend is not lost.

import { openDB, type IDBPDatabase } from 'idb';

import type { CaptureStatus } from '../lib/messages';
import type { KeyedStore } from './keyed-store';
import type { OutboxEntry } from './outbox';

const databaseName = 'journey-segments';
const databaseVersion = 1;

interface CaptureStores {
  /** Captures not yet accepted or rejected by the backend. */
  outbox: OutboxEntry;
  /** Delivery state of recent captures, for the popup and the record page. */
  captures: CaptureStatus;
}

type StoreName = keyof CaptureStores;

let database: Promise<IDBPDatabase> | undefined;

function openCaptureDatabase(): Promise<IDBPDatabase> {
  database ??= openDB(databaseName, databaseVersion, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'captureId' });
      db.createObjectStore('captures', { keyPath: 'captureId' });
    },
  });
  return database;
}

export function idbStore<N extends StoreName>(storeName: N): KeyedStore<CaptureStores[N]> {
  return {
    async get(captureId) {
      return (await openCaptureDatabase()).get(storeName, captureId);
    },
    async put(record) {
      await (await openCaptureDatabase()).put(storeName, record);
    },
    async delete(captureId) {
      await (await openCaptureDatabase()).delete(storeName, captureId);
    },
    async list() {
      return (await openCaptureDatabase()).getAll(storeName);
    },
  };
}
