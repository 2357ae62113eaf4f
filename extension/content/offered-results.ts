// Which results and reasons get a Save as segment button. An administrator may narrow them by policy
// (offeredResults) to the ones the organization wants as segments; without that policy every one is offered.

/** The entry of offeredResults that offers every split branch, whose result ids differ per journey. */
export const everyBranch = 'branch';

/** True when the result id or reason id `id` is offered; `offered` null offers everything. */
export function isOffered(offered: readonly string[] | null, id: string): boolean {
  if (offered === null) {
    return true;
  }
  return offered.includes(id) || (id.startsWith('branch:') && offered.includes(everyBranch));
}
