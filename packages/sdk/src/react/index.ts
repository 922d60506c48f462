export type { ListView } from '@resale-kit/core';
export { FIRST_PAGE_VIEW } from '@resale-kit/core';
export type { HookError } from './errors.js';
export { newIdempotencyKey } from './idempotencyKey.js';
export {
  ResaleProvider,
  type ResaleProviderProps,
  useResale,
  useResaleClient,
} from './provider.js';
export {
  type CreateOfferBindings,
  type CreateOfferResult,
  type CreateOfferValue,
  type UseCreateOfferOptions,
  useCreateOffer,
} from './useCreateOffer.js';
export {
  type DeactivateBindings,
  type DeactivateResults,
  type UseDeactivateOptions,
  useDeactivate,
} from './useDeactivate.js';
export { useListViewParams } from './useListViewParams.js';
export { useLocationSearchParams } from './useLocationSearchParams.js';
export {
  DEFAULT_PAGE_SIZE,
  type OpportunitiesTableBindings,
  type UseOpportunitiesTableOptions,
  useOpportunitiesTable,
} from './useOpportunitiesTable.js';
export {
  type OpportunityDetailsBindings,
  type OpportunityDetailsData,
  useOpportunityDetails,
} from './useOpportunityDetails.js';
export {
  type OpportunityFiltersBindings,
  type UseOpportunityFiltersOptions,
  useOpportunityFilters,
} from './useOpportunityFilters.js';
export {
  type OpportunityFormBindings,
  type OpportunityFormSubmit,
  type UseOpportunityFormOptions,
  useOpportunityForm,
} from './useOpportunityForm.js';
export { type SummaryCardsBindings, useSummaryCards } from './useSummaryCards.js';
