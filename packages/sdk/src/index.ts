export type {
  DomainErrorCode,
  DurationType,
  FieldIssue,
  IssueCode,
  Offer,
  Opportunity,
  OpportunityEvent,
  Principal,
  Product,
  Reseller,
  SortDirection,
  SortField,
  Status,
  Summary,
} from '@resale-kit/core';
export { createResaleClient, type ResaleClient, type ResaleClientOptions } from './client.js';
export { type ClientErrorCode, isResaleError, ResaleError } from './errors.js';
export type { AppRouter } from './router.js';
export type { ResaleInputs, ResaleOutputs } from './types.js';
