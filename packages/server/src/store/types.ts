import type {
  AdminProduct,
  ApiKeyInfo,
  AuditEntry,
  CloneOpportunityInput,
  CreateApiKeyInput,
  CreatedApiKey,
  CreateOfferInput,
  CreateOfferResult,
  CreateOpportunity,
  CreateProductInput,
  CreateUserInput,
  DeactivateResult,
  Invitation,
  ListOpportunitiesInputSchema,
  Opportunity,
  OpportunityDetails,
  OrgUser,
  Partner,
  Principal,
  Product,
  Reseller,
  Role,
  RotateApiKeyInput,
  Summary,
  UpsertProductInput,
} from '@resale-kit/core';
import type { z } from 'zod';
import type { SignedInIdentity } from './admin/signed-in.js';
import type { KeyAuth } from './auth.js';

export type { KeyAuth, SignedInIdentity };

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
  /** The principal an API key belongs to, or null for an unknown, revoked or expired key. */
  authenticate(apiKey: string, now?: Date): Promise<Principal | null>;
  /** The same, with the key's id and until when the answer holds at the latest (caches). */
  resolveApiKey(apiKey: string, now: Date): Promise<KeyAuth | null>;
  /**
   * The principal of a user the host portal signed in (created on first sight); null when the
   * organization does not exist or the user was removed.
   */
  resolveSignedIn(identity: SignedInIdentity, now: Date): Promise<Principal | null>;
  /**
   * Runs `listener` whenever a key or user changes in a way that can make a resolved principal
   * stale (revoke, rotate, role change, removal), in this process at once and, on Postgres, in
   * every process on the database (LISTEN/NOTIFY; a reconnect counts as a change). Returns the
   * unsubscribe function.
   */
  onAuthChange(listener: () => void): () => void;
  /** The admin API: each method is scoped to the caller's own organization. */
  admin: AdminStore;
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

/** Removing a user: when, and how many of its keys stopped with it. */
export interface RemovedUser {
  userId: string;
  removedAt: string;
  keysRevoked: number;
}

export interface RotatedApiKey extends CreatedApiKey {
  /** The old key, with when it stops working. */
  previous: ApiKeyInfo;
}

/**
 * An organization's own administration. Every mutation is recorded in the audit trail with
 * its actor; another organization's record is NOT_FOUND.
 */
export interface AdminStore {
  listProducts(p: IsvPrincipal, includeArchived: boolean): Promise<AdminProduct[]>;
  createProduct(p: IsvPrincipal, input: CreateProductInput, now: Date): Promise<AdminProduct>;
  renameProduct(p: IsvPrincipal, id: string, name: string, now: Date): Promise<AdminProduct>;
  archiveProduct(p: IsvPrincipal, id: string, now: Date): Promise<AdminProduct>;
  upsertProduct(
    p: IsvPrincipal,
    input: UpsertProductInput,
    now: Date,
  ): Promise<{ product: AdminProduct; created: boolean }>;
  listPartners(p: IsvPrincipal): Promise<Partner[]>;
  linkPartner(p: IsvPrincipal, resellerId: string, now: Date): Promise<Partner>;
  unlinkPartner(
    p: IsvPrincipal,
    resellerId: string,
    now: Date,
  ): Promise<{ resellerId: string; unlinkedAt: string }>;
  createInvitation(p: IsvPrincipal, expiresInDays: number, now: Date): Promise<Invitation>;
  redeemInvitation(
    p: ResellerPrincipal,
    code: string,
    now: Date,
  ): Promise<{ isvId: string; isvName: string }>;
  listUsers(p: Principal): Promise<OrgUser[]>;
  createUser(p: Principal, input: CreateUserInput, now: Date): Promise<OrgUser>;
  changeRole(p: Principal, userId: string, role: Role, now: Date): Promise<OrgUser>;
  removeUser(p: Principal, userId: string, now: Date): Promise<RemovedUser>;
  listKeys(p: Principal): Promise<ApiKeyInfo[]>;
  createKey(p: Principal, input: CreateApiKeyInput, now: Date): Promise<CreatedApiKey>;
  revokeKey(p: Principal, id: string, now: Date): Promise<ApiKeyInfo>;
  rotateKey(p: Principal, input: RotateApiKeyInput, now: Date): Promise<RotatedApiKey>;
  listAudit(p: Principal, limit: number): Promise<AuditEntry[]>;
}
