// The one lock every writer of stored membership takes: incremental maintenance, window sweeps, go live,
// publish, rebuild and stop. Holding it makes these writers run one at a time, which keeps the stored members
// equal to a full evaluation and keeps the change log committing in seq order.

import type { DatabaseHandle } from '../db/connect';

const queues = new WeakMap<DatabaseHandle, Promise<unknown>>();

/**
 * Runs `task` once every task queued before it on the same database handle has finished, and returns its
 * result. Tasks run one at a time, in the order they were queued; a failing task does not stop the queue.
 *
 * TODO: this serializes within one process only. Before running several backend instances on one PostgreSQL
 * database, take `pg_advisory_xact_lock` (or a session advisory lock) here as well.
 */
export function withMaintenanceLock<T>(handle: DatabaseHandle, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(handle) ?? Promise.resolve();
  const result = previous.then(task, task);
  queues.set(
    handle,
    result.then(
      () => undefined,
      () => undefined,
    ),
  );
  return result;
}
