import { DAY_MS, endDateToInstant } from './dates.js';
import type { Opportunity, StatusFields } from './schemas.js';
import { EXPIRING_WINDOW_DAYS, type Status } from './vocabulary.js';

/**
 * The atomic conditions the status rule is made of. The TypeScript form of each is below;
 * the server builds its SQL form from the same names and precedence, so the two cannot drift.
 */
export type StatusCondition = 'restricted' | 'singleUseUsed' | 'pastEndDate';

export const STATUS_CONDITIONS: Record<StatusCondition, (o: StatusFields, now: Date) => boolean> = {
  /** Deactivated by the ISV: explicit and irreversible. */
  restricted: (o) => o.restrictedAt !== null,
  /** A single-use opportunity that has produced its CPPO. */
  singleUseUsed: (o) => o.durationType === 'single-use' && o.timesUsed >= 1,
  /** There is an end date and now is after the end of that day (UTC). */
  pastEndDate: (o, now) =>
    o.endDate !== null && now.getTime() > endDateToInstant(o.endDate).getTime(),
};

/** First match wins. `when: null` is the fallback. */
export const STATUS_PRECEDENCE: readonly { status: Status; when: StatusCondition | null }[] = [
  { status: 'restricted', when: 'restricted' },
  { status: 'complete', when: 'singleUseUsed' },
  { status: 'expired', when: 'pastEndDate' },
  { status: 'active', when: null },
];

export const STATUS_LABELS: Record<Status, string> = {
  active: 'Active',
  expired: 'Expired',
  restricted: 'Restricted',
  complete: 'Complete',
};

/** The status of an opportunity at `now`: the first rule of `STATUS_PRECEDENCE` that holds. */
export function deriveStatus(o: StatusFields, now: Date): Status {
  for (const rule of STATUS_PRECEDENCE) {
    if (rule.when === null || STATUS_CONDITIONS[rule.when](o, now)) return rule.status;
  }
  throw new Error('unreachable: STATUS_PRECEDENCE ends with a fallback');
}

/**
 * A status as a conjunction: its own condition must hold (none for the fallback) and every
 * condition ranked above it must not. The server turns this into SQL predicates.
 */
export function statusTerms(status: Status): {
  require: StatusCondition | null;
  exclude: StatusCondition[];
} {
  const index = STATUS_PRECEDENCE.findIndex((r) => r.status === status);
  const rule = STATUS_PRECEDENCE[index];
  if (!rule) throw new RangeError(`status: unknown status ${String(status)}`);
  const exclude = STATUS_PRECEDENCE.slice(0, index).flatMap((r) => (r.when ? [r.when] : []));
  return { require: rule.when, exclude };
}

/** The last instant an end date may have to count as "expiring within `days`" of `now`. */
export function expiringWindowEnd(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Active, with an end date that falls within the next `days` days (both edges included). */
export function isExpiringWithin(o: StatusFields, now: Date, days: number): boolean {
  return (
    o.endDate !== null &&
    deriveStatus(o, now) === 'active' &&
    endDateToInstant(o.endDate).getTime() <= expiringWindowEnd(now, days).getTime()
  );
}

export interface Summary {
  active: number;
  expiringIn30Days: number;
  byStatus: Record<Status, number>;
}

/** The numbers on the summary cards. */
export function summarize(opportunities: readonly StatusFields[], now: Date): Summary {
  const byStatus: Record<Status, number> = { active: 0, expired: 0, restricted: 0, complete: 0 };
  let expiringIn30Days = 0;
  for (const o of opportunities) {
    byStatus[deriveStatus(o, now)] += 1;
    if (isExpiringWithin(o, now, EXPIRING_WINDOW_DAYS)) expiringIn30Days += 1;
  }
  return { active: byStatus.active, expiringIn30Days, byStatus };
}

/** Re-derives `status` on a wire-shaped opportunity (for clients that hold data across time). */
export function withStatus<T extends Omit<Opportunity, 'status'>>(
  o: T,
  now: Date,
): T & { status: Status } {
  return { ...o, status: deriveStatus(o, now) };
}
