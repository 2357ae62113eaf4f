/** Formats epoch milliseconds or an ISO 8601 timestamp in the user's locale and time zone. */
export function formatTime(value: number | string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(value));
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat().format(count);
}
