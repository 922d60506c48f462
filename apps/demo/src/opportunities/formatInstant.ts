const format = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** "Nov 26, 2026, 10:58:24 AM UTC": an exact instant, in UTC like the end dates. */
export function formatInstant(iso: string): string {
  return `${format.format(new Date(iso))} UTC`;
}
