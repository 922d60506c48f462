import type {
  CloneOpportunityInput,
  CreateOfferInput,
  CreateOfferResult,
  CreateOpportunity,
  DeactivateResult,
  ListOpportunitiesInputSchema,
  Opportunity,
  OpportunityDetails,
  Principal,
  Product,
  Reseller,
  Summary,
} from '@resale-kit/core';
import type { z } from 'zod';

/**
 * The persistence boundary. The tRPC layer talks only to this interface, so the router's public
 * type (which the SDK inlines) carries core's types and nothing of Drizzle.
 */

export type IsvPrincipal = Extract<Principal, { kind: 'isv' }>;
export type ResellerPrincipal = Extract<Principal, { kind: 'reseller' }>;
export type ListOpportunities = z.output<typeof ListOpportunitiesInputSchema>;

export interface OpportunityPage {
  items: Opportunity[];
  /** Cursor of the page after this one, or null on the last page. */
  nextCursor: string | null;
  /** Cursor of the page before this one, or null on the first page. */
  prevCursor: string | null;
  /** Rows matching the filters, over all pages. */
  total: number;
}

// The results the API returns are core's (the kit's components take them as props).
export type { CreateOfferResult, DeactivateResult, OpportunityDetails } from '@resale-kit/core';

/**
 * Every method enforces tenancy itself: another tenant's record is reported as missing
 * (null / NOT_FOUND), never returned. `now` is the request's clock.
 */
export interface Store {
  /** The principal an API key belongs to, or null for an unknown key. */
  authenticate(apiKey: string): Promise<Principal | null>;
  /** ISV: its opportunities. Reseller: the opportunities that target it. */
  listOpportunities(p: Principal, input: ListOpportunities, now: Date): Promise<OpportunityPage>;
  summary(p: IsvPrincipal, now: Date): Promise<Summary>;
  getOpportunity(p: Principal, id: string, now: Date): Promise<OpportunityDetails | null>;
  /** One per product x reseller pair, all or nothing. Throws DomainError VALIDATION_FAILED. */
  createOpportunities(p: IsvPrincipal, input: CreateOpportunity, now: Date): Promise<Opportunity[]>;
  cloneOpportunity(p: IsvPrincipal, input: CloneOpportunityInput, now: Date): Promise<Opportunity>;
  deactivate(p: IsvPrincipal, ids: string[], now: Date): Promise<DeactivateResult[]>;
  /** Records the CPPO and increments times used in one transaction; exactly once per key. */
  createOffer(p: ResellerPrincipal, input: CreateOfferInput, now: Date): Promise<CreateOfferResult>;
  listProducts(p: Principal): Promise<Product[]>;
  listResellers(p: Principal): Promise<Reseller[]>;
}
