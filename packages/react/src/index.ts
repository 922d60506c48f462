export type {
  CreateOfferResult,
  DeactivateResult,
  DurationValue,
  FieldIssue,
  ListFilters,
  Opportunity,
  SortDirection,
  SortField,
  Status,
  Summary,
  SummaryCardId,
} from '@resale-kit/core';
export {
  CreateOfferForm,
  type CreateOfferFormProps,
} from './CreateOfferForm/CreateOfferForm.js';
export {
  DeactivateConfirmation,
  type DeactivateConfirmationProps,
} from './DeactivateConfirmation/DeactivateConfirmation.js';
export { Dialog, type DialogDismissReason, type DialogProps } from './Dialog/Dialog.js';
export {
  type DurationChangeDetail,
  DurationPicker,
  type DurationPickerProps,
} from './DurationPicker/DurationPicker.js';
export type { ChoiceItem } from './forms/ChoiceList.js';
export {
  type CreateOfferFormI18nStrings,
  DEFAULT_CREATE_OFFER_STRINGS,
  DEFAULT_DEACTIVATE_STRINGS,
  DEFAULT_DETAILS_STRINGS,
  DEFAULT_DIALOG_STRINGS,
  DEFAULT_FILTERS_STRINGS,
  DEFAULT_OPPORTUNITY_FORM_STRINGS,
  type DeactivateConfirmationI18nStrings,
  type DeactivateSkipReason,
  type DialogI18nStrings,
  type DurationLabel,
  type OpportunityDetailsI18nStrings,
  type OpportunityFiltersI18nStrings,
  type OpportunityFormI18nStrings,
} from './i18n/components.js';
export {
  CREATE_OFFER_STRINGS_DE,
  DEACTIVATE_STRINGS_DE,
  DETAILS_STRINGS_DE,
  DIALOG_STRINGS_DE,
  DURATION_PICKER_MESSAGES_DE,
  FILTERS_STRINGS_DE,
  OPPORTUNITY_FORM_STRINGS_DE,
  STATUS_MESSAGES_DE,
} from './i18n/de.js';
export {
  DEFAULT_DURATION_PICKER_MESSAGES,
  DEFAULT_STATUS_MESSAGES,
  DEFAULT_SUMMARY_CARDS_MESSAGES,
  DEFAULT_TABLE_MESSAGES,
  type DurationPickerMessages,
  type StatusMessages,
  type SummaryCardsMessages,
  type TableMessages,
} from './i18n/messages.js';
export {
  DEFAULT_VALIDATION_MESSAGES,
  VALIDATION_MESSAGES_DE,
  type ValidationMessages,
} from './i18n/validation.js';
export {
  DEFAULT_COLUMN_IDS,
  defaultColumnDefinitions,
  visibleColumnsForFilter,
} from './OpportunitiesTable/defaultColumns.js';
export { OpportunitiesTable } from './OpportunitiesTable/OpportunitiesTable.js';
export type {
  CellContext,
  ColumnDefinition,
  OpportunitiesTableProps,
  SelectionChangeDetail,
  SortingState,
} from './OpportunitiesTable/types.js';
export {
  OpportunityDetails,
  type OpportunityDetailsProps,
} from './OpportunityDetails/OpportunityDetails.js';
export {
  OpportunityFilters,
  type OpportunityFiltersProps,
} from './OpportunityFilters/OpportunityFilters.js';
export {
  initialOpportunityFormValue,
  OpportunityForm,
  type OpportunityFormProps,
  type OpportunityFormSubmitDetail,
  type OpportunityFormValue,
} from './OpportunityForm/OpportunityForm.js';
export { StatusBadge, type StatusBadgeProps } from './StatusBadge/StatusBadge.js';
export { SummaryCards, type SummaryCardsProps } from './SummaryCards/SummaryCards.js';
