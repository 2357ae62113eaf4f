/**
 * Cause of a failed backend call. `unreachable`, `timeout` and `failed` (HTTP 5xx or 429) may succeed later, so
 * the outbox retries them. `rejected` (any other HTTP 4xx) will not, so the user has to change the request.
 */
export type BackendErrorKind = 'unreachable' | 'timeout' | 'failed' | 'rejected';

export class BackendError extends Error {
  constructor(
    message: string,
    readonly kind: BackendErrorKind,
    readonly status: number | null = null,
    /** The backend's error code, such as `invalid-logic`, when its reply carried one. */
    readonly code: string | null = null,
    /** The `details` of the backend's error reply, such as the errors of invalid logic. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'BackendError';
  }

  get retryable(): boolean {
    return this.kind !== 'rejected';
  }
}
