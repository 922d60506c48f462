import { formatDateTime, formatRelativeTime } from '../i18n/format.js';

export interface RelativeTimeProps {
  /** An ISO instant. */
  value: string;
  /** The instant the text is relative to. */
  now: Date;
  /** The BCP 47 locale. */
  locale: string;
}

/** "3 months ago" in a `<time dateTime>`, with the exact date and time on hover. */
export function RelativeTime({ value, now, locale }: RelativeTimeProps) {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={value} title={formatDateTime(instant, locale)}>
      {formatRelativeTime(instant, now, locale)}
    </time>
  );
}
