import type { BlockedReason } from './guards.js';
import type { Offer, Opportunity, OpportunityEvent } from './schemas.js';

/** One opportunity with the offers created from it and its audit history (`opportunities.get`). */
export interface OpportunityDetails {
  opportunity: Opportunity;
  offers: Offer[];
  events: OpportunityEvent[];
}

/** The outcome for one id of a deactivation (`opportunities.deactivate`): changed, or why not. */
export type DeactivateResult =
  | { id: string; ok: true; opportunity: Opportunity }
  | { id: string; ok: false; reason: BlockedReason | 'NOT_FOUND' };

/** A created offer (`offers.create`). */
export interface CreateOfferResult {
  offer: Offer;
  opportunity: Opportunity;
  /** True when the idempotency key was seen before: the first result, nothing counted again. */
  replayed: boolean;
}
