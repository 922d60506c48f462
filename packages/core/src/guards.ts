import type { Principal, StatusFields } from './schemas.js';
import { deriveStatus } from './status.js';
import type { Status } from './vocabulary.js';

/** Why an opportunity cannot be used or deactivated: stable codes for APIs and UIs. */
export type BlockedReason = 'RESTRICTED' | 'COMPLETE' | 'EXPIRED';
export type UseBlockedReason = BlockedReason | 'NOT_TARGETED';

export type GuardResult<R extends string> = { ok: true } | { ok: false; reason: R };

const BLOCKED_BY_STATUS: Record<Exclude<Status, 'active'>, BlockedReason> = {
  restricted: 'RESTRICTED',
  complete: 'COMPLETE',
  expired: 'EXPIRED',
};

function activeOnly(o: StatusFields, now: Date): GuardResult<BlockedReason> {
  const status = deriveStatus(o, now);
  return status === 'active' ? { ok: true } : { ok: false, reason: BLOCKED_BY_STATUS[status] };
}

/** May `principal` create a CPPO from `o` at `now`? Only a targeted reseller, only while Active. */
export function canUse(
  o: StatusFields & { resellerId: string },
  principal: Principal,
  now: Date,
): GuardResult<UseBlockedReason> {
  if (principal.kind !== 'reseller' || principal.resellerId !== o.resellerId) {
    return { ok: false, reason: 'NOT_TARGETED' };
  }
  return activeOnly(o, now);
}

/** May `o` be deactivated at `now`? Only Active opportunities change to Restricted. */
export function canDeactivate(o: StatusFields, now: Date): GuardResult<BlockedReason> {
  return activeOnly(o, now);
}
