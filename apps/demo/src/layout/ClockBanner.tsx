import { useMe } from '../api/useClock';

const format = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Says so when the server runs "as of" a moment (RESALE_KIT_NOW): statuses follow that clock. */
export function ClockBanner() {
  const me = useMe();
  if (!me.data?.clock.fixed) return null;
  const at = new Date(me.data.clock.now);
  return (
    <div className="demo-banner" role="note">
      <span className="demo-flash-icon" aria-hidden="true">
        i
      </span>
      <p>
        Showing data as of <time dateTime={me.data.clock.now}>{format.format(at)} UTC</time>: the
        server runs with a fixed clock (RESALE_KIT_NOW), so statuses and "Expiring in 30 days" are
        computed at that moment.
      </p>
    </div>
  );
}
