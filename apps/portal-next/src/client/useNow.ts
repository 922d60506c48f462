import { useEffect, useState } from 'react';
import type { ServerClock } from '../shared/firstView';

/**
 * The instant relative times and guards use. The first render takes the server's instant, so
 * the browser's markup equals the server's ("2 minutes ago" computed twice a second apart would
 * not hydrate); then the local clock, minute by minute, unless the server's clock is pinned.
 */
export function useNow(clock: ServerClock): Date {
  const [now, setNow] = useState(() => new Date(clock.now));
  useEffect(() => {
    if (clock.fixed) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, [clock.fixed]);
  return now;
}
