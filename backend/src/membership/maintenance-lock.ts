// The one lock every writer of stored membership takes: incremental maintenance, window sweeps, go live,
// publish, rebuild and stop. Holding it makes these writers run one at a time, which keeps the stored members
// equal to a full evaluation and keeps the change log committing in seq order.
//
// Within a process, tasks wait in a queue per database handle. On PostgreSQL, several backend instances can
// share one database, so the task that reaches the front of its queue also takes a session advisory lock on a
// connection of its own before it runs. The lock is keyed by the schema, so deployments in other schemas of
// the same database do not wait for each other (unless two schema names hash alike, which only serializes them).
// A connection that dies releases its session locks on the server, so a crashed instance cannot keep the lock.

import type pg from 'pg';

import type { DatabaseHandle } from '../db/connect';

const queues = new WeakMap<DatabaseHandle, Promise<unknown>>();

const lockKey = "hashtext('journey-segments membership maintenance ' || current_schema())";
const lockSql = `SELECT pg_advisory_lock(${lockKey})`;
const unlockSql = `SELECT pg_advisory_unlock(${lockKey})`;

/** Runs `task` while holding the advisory lock, waiting as long as another instance holds it. */
async function withAdvisoryLock<T>(pool: pg.Pool, task: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A client whose unlock failed may still hold the lock, so it is destroyed instead of returned to the pool,
  // which ends its session and with it the lock.
  let broken: Error | undefined;
  try {
    await client.query(lockSql);
    try {
      return await task();
    } finally {
      await client.query(unlockSql).catch((error: Error) => {
        broken = error;
      });
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `task` once every task queued before it on the same database handle has finished, and, on PostgreSQL,
 * once no other backend instance on the same schema runs one. Returns the task's result. Tasks of one handle
 * run one at a time, in the order they were queued; a failing task does not stop the queue.
 */
export function withMaintenanceLock<T>(handle: DatabaseHandle, task: () => Promise<T>): Promise<T> {
  const pool = handle.postgres;
  const locked = pool ? () => withAdvisoryLock(pool, task) : task;
  const previous = queues.get(handle) ?? Promise.resolve();
  const result = previous.then(locked, locked);
  queues.set(
    handle,
    result.then(
      () => undefined,
      () => undefined,
    ),
  );
  return result;
}
