// Tuning of membership maintenance. The defaults favour freshness: members appear right after an ingest batch,
// and HAVING windows expire on time.

export interface MaintenanceSettings {
  /**
   * How often a live segment that reads contact fields or DATETIMEUTCNOW() is evaluated in full, in
   * milliseconds, because changes to contacts and the passing of time are not observed otherwise.
   */
  fullEvaluationIntervalMs: number;
  /** How long to wait before evaluating a live segment again after its evaluation failed, in milliseconds. */
  retryIntervalMs: number;
  /**
   * The maximum time between two maintenance runs without an ingest, in milliseconds. Such runs pick up
   * interactions stored by other processes and apply window expiry that is due.
   */
  heartbeatMs: number;
  /** Above this many contacts to re-check, a segment is evaluated in full instead. */
  maxRecheckContacts: number;
  /**
   * Above this many unprocessed interactions (after a bulk import or downtime), every live segment is evaluated
   * in full instead of reading the interactions one by one.
   */
  catchUpInteractions: number;
}

export const defaultMaintenanceSettings: MaintenanceSettings = {
  fullEvaluationIntervalMs: 5 * 60_000,
  retryIntervalMs: 60_000,
  heartbeatMs: 10_000,
  maxRecheckContacts: 5_000,
  catchUpInteractions: 100_000,
};
