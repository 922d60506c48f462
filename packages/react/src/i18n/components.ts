import type { DurationType, EventType, OpportunityEvent } from '@resale-kit/core';
import {
  DEFAULT_DURATION_PICKER_MESSAGES,
  DEFAULT_STATUS_MESSAGES,
  type StatusMessages,
} from './messages.js';
import { DEFAULT_VALIDATION_MESSAGES, type ValidationMessages } from './validation.js';

/*
 * The strings of the dialogs and forms (English defaults). Each component takes a partial
 * override as `i18nStrings`; i18n/de.ts has the German.
 */

/** Every string the Dialog shows. */
export interface DialogI18nStrings {
  /** The close button's accessible name. */
  close: string;
}

export const DEFAULT_DIALOG_STRINGS: DialogI18nStrings = { close: 'Close dialog' };

/** How an opportunity's duration reads: "Specific time duration, until the end of 2026-12-31 (UTC)". */
export type DurationLabel = (durationType: DurationType, endDate: string | null) => string;

const englishDurationLabel: DurationLabel = (type, endDate) => {
  const label = DEFAULT_DURATION_PICKER_MESSAGES.types[type].label;
  return endDate ? `${label}, until the end of ${endDate} (UTC)` : label;
};

/** Every string the OpportunityForm shows. */
export interface OpportunityFormI18nStrings {
  name: string;
  description: string;
  /** Appended to optional fields' labels. */
  optional: string;
  descriptionCount: (length: number, max: number) => string;
  products: string;
  productsHint: string;
  resellers: string;
  resellersHint: string;
  /** "(3 selected)" after a choice list's legend. */
  selected: (count: number) => string;
  selectAllProducts: string;
  selectAllResellers: string;
  /** Shown in a choice list while its items load. */
  loadingItems: string;
  discount: string;
  discountHint: string;
  /** The clone's summary of its source. */
  clonedFrom: string;
  product: string;
  reseller: string;
  sourceDiscount: string;
  sourceDuration: string;
  cloneHint: string;
  /** "2 products × 3 resellers: 6 opportunities will be created." */
  createCount: (products: number, resellers: number) => string;
  cloneCount: string;
  cancel: string;
  submitCreate: (count: number) => string;
  submitClone: string;
  submitting: string;
  /** Shown above the form when the request failed for a reason no field explains. */
  requestFailed: string;
  durationLabel: DurationLabel;
  /** The DurationPicker's strings. */
  duration: Partial<typeof DEFAULT_DURATION_PICKER_MESSAGES>;
  /** Words for validation issues and the error summary. */
  validation: ValidationMessages;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const DEFAULT_OPPORTUNITY_FORM_STRINGS: OpportunityFormI18nStrings = {
  name: 'Opportunity name',
  description: 'Description',
  optional: 'optional',
  descriptionCount: (length, max) => `${length}/${max} characters`,
  products: 'Products',
  productsHint: 'One opportunity is created per product and reseller.',
  resellers: 'Resellers',
  resellersHint: 'The channel partners authorized to resell.',
  selected: (n) => `${n} selected`,
  selectAllProducts: 'Select all products',
  selectAllResellers: 'Select all resellers',
  loadingItems: 'Loading…',
  discount: 'Discount (%)',
  discountHint: 'Percentage off the list price: from 0.01 to 100, up to 2 decimals.',
  clonedFrom: 'Cloned from',
  product: 'Product',
  reseller: 'Reseller',
  sourceDiscount: 'Source discount',
  sourceDuration: 'Source duration',
  cloneHint:
    'A clone keeps the product, the reseller and the duration type of its source; change the name, description, discount or end date here.',
  createCount: (p, r) =>
    `${count(p, 'product', 'products')} × ${count(r, 'reseller', 'resellers')}: ${count(p * r, 'opportunity', 'opportunities')} will be created.`,
  cloneCount: '1 opportunity will be created: a copy of the source.',
  cancel: 'Cancel',
  submitCreate: (n) => (n > 1 ? `Create ${n} opportunities` : 'Create opportunity'),
  submitClone: 'Clone opportunity',
  submitting: 'Saving…',
  requestFailed: 'Nothing was saved.',
  durationLabel: englishDurationLabel,
  duration: {},
  validation: DEFAULT_VALIDATION_MESSAGES,
};

/** Why an opportunity was not deactivated. */
export type DeactivateSkipReason = 'RESTRICTED' | 'EXPIRED' | 'COMPLETE' | 'NOT_FOUND';

/** Every string the DeactivateConfirmation shows. */
export interface DeactivateConfirmationI18nStrings {
  /** What will change. */
  willChange: string;
  /** What will not change, and why: "2 of the 5 selected are not Active and stay as they are." */
  willNotChange: (skipped: number, total: number) => string;
  /** After an item that will not change: "(stays Expired)". */
  stays: (status: string) => string;
  listLabel: string;
  cancel: string;
  confirm: (count: number) => string;
  confirming: string;
  close: string;
  /** After the request: "3 of 5 deactivated." */
  resultSummary: (done: number, total: number) => string;
  deactivated: string;
  notChanged: (reason: string) => string;
  reasons: Record<DeactivateSkipReason, string>;
  /** The request failed as a whole (nothing changed). */
  failed: string;
  status: StatusMessages;
}

export const DEFAULT_DEACTIVATE_STRINGS: DeactivateConfirmationI18nStrings = {
  willChange:
    'Deactivated opportunities become Restricted: the reseller can no longer create offers from them. This cannot be undone (clone an opportunity to authorize the reseller again).',
  willNotChange: (skipped, total) =>
    `Only Active opportunities change: ${skipped} of the ${total} selected will be left as they are.`,
  stays: (status) => `(stays ${status})`,
  listLabel: 'Opportunities to deactivate',
  cancel: 'Cancel',
  confirm: (n) => (n > 1 ? `Deactivate ${n}` : 'Deactivate'),
  confirming: 'Deactivating…',
  close: 'Close',
  resultSummary: (done, total) => `${done} of ${total} deactivated.`,
  deactivated: 'Deactivated',
  notChanged: (reason) => `Not changed: ${reason}`,
  reasons: {
    RESTRICTED: 'already Restricted',
    EXPIRED: 'Expired: only Active opportunities can be deactivated',
    COMPLETE: 'Complete: only Active opportunities can be deactivated',
    NOT_FOUND: 'not found',
  },
  failed: 'Nothing was deactivated.',
  status: DEFAULT_STATUS_MESSAGES,
};

/** Every string OpportunityDetails shows. */
export interface OpportunityDetailsI18nStrings {
  fields: string;
  id: string;
  status: string;
  name: string;
  description: string;
  productName: string;
  resellerName: string;
  discount: string;
  duration: string;
  timesUsed: string;
  created: string;
  clonedFrom: string;
  deactivated: string;
  /** Shown for an empty value. */
  none: string;
  offers: (count: number) => string;
  noOffers: string;
  offerId: string;
  buyerAccount: string;
  createdBy: string;
  history: string;
  /** One audit event: "Cloned from 1f2e…". */
  event: (event: OpportunityEvent) => string;
  /** "by Ada, Nov 26, 2026, 10:58 UTC". */
  eventBy: (actor: string, when: string) => string;
  loading: string;
  error: string;
  retry: string;
  statusLabels: StatusMessages;
  durationLabel: DurationLabel;
}

const ENGLISH_EVENTS: Record<EventType, (data: Record<string, unknown>) => string> = {
  created: () => 'Created',
  cloned: (d) => `Cloned from ${String(d.fromId ?? 'another opportunity')}`,
  used: (d) =>
    `Used to create offer ${String(d.offerId ?? '')} for buyer ${String(d.buyerAccountId ?? '')}`,
  deactivated: () => 'Deactivated (now Restricted)',
};

export const DEFAULT_DETAILS_STRINGS: OpportunityDetailsI18nStrings = {
  fields: 'Opportunity',
  id: 'Opportunity ID',
  status: 'Status',
  name: 'Opportunity name',
  description: 'Description',
  productName: 'Product name',
  resellerName: 'Reseller name',
  discount: 'Discount type',
  duration: 'Duration',
  timesUsed: 'Times used',
  created: 'Created',
  clonedFrom: 'Cloned from',
  deactivated: 'Deactivated',
  none: '-',
  offers: (n) => `Offers created from it (${n})`,
  noOffers: 'No Channel Partner Private Offer was created from it yet.',
  offerId: 'Offer ID',
  buyerAccount: 'Buyer account',
  createdBy: 'Created by',
  history: 'History',
  event: (e) => ENGLISH_EVENTS[e.type](e.data ?? {}).trim(),
  eventBy: (actor, when) => `by ${actor}, ${when}`,
  loading: 'Loading the opportunity…',
  error: 'The opportunity could not be loaded.',
  retry: 'Retry',
  statusLabels: DEFAULT_STATUS_MESSAGES,
  durationLabel: englishDurationLabel,
};

/** Every string OpportunityFilters shows. */
export interface OpportunityFiltersI18nStrings {
  /** The filter bar's accessible name. */
  label: string;
  text: string;
  textPlaceholder: string;
  status: string;
  product: string;
  allProducts: string;
  reseller: string;
  allResellers: string;
  expiring: string;
  expiringAny: string;
  expiringWithin: (days: number) => string;
  clear: string;
  statusLabels: StatusMessages;
}

export const DEFAULT_FILTERS_STRINGS: OpportunityFiltersI18nStrings = {
  label: 'Filter opportunities',
  text: 'Find opportunities',
  textPlaceholder: 'Name or Opportunity ID',
  status: 'Status',
  product: 'Product',
  allProducts: 'All products',
  reseller: 'Reseller',
  allResellers: 'All resellers',
  expiring: 'Expires',
  expiringAny: 'Any time',
  expiringWithin: (days) => `Within ${days} days`,
  clear: 'Clear filters',
  statusLabels: DEFAULT_STATUS_MESSAGES,
};

/** Every string the CreateOfferForm shows. */
export interface CreateOfferFormI18nStrings {
  opportunity: string;
  product: string;
  discount: string;
  timesUsed: string;
  buyer: string;
  buyerHint: string;
  buyerPlaceholder: string;
  idempotencyKey: string;
  idempotencyKeyHint: string;
  cancel: string;
  submit: string;
  submitting: string;
  close: string;
  created: string;
  replayed: string;
  offerId: string;
  buyerAccount: string;
  status: string;
  /** Shown above the form when the request failed for a reason no field explains. */
  requestFailed: string;
  statusLabels: StatusMessages;
  validation: ValidationMessages;
}

export const DEFAULT_CREATE_OFFER_STRINGS: CreateOfferFormI18nStrings = {
  opportunity: 'Opportunity',
  product: 'Product',
  discount: 'Discount type',
  timesUsed: 'Times used',
  buyer: 'Buyer AWS account ID',
  buyerHint:
    'The 12-digit account of the buyer the private offer is for; spaces and dashes are fine.',
  buyerPlaceholder: '1234 5678 9012',
  idempotencyKey: 'Idempotency key',
  idempotencyKeyHint:
    'Generated for this offer: sending it again (a retry) returns the first result and counts nothing twice.',
  cancel: 'Cancel',
  submit: 'Create offer',
  submitting: 'Creating…',
  close: 'Close',
  created: 'Channel Partner Private Offer created.',
  replayed:
    'This request had already been recorded: here is its first result, nothing was counted again.',
  offerId: 'Offer ID',
  buyerAccount: 'Buyer account',
  status: 'Status',
  requestFailed: 'The offer was not created.',
  statusLabels: DEFAULT_STATUS_MESSAGES,
  validation: DEFAULT_VALIDATION_MESSAGES,
};
