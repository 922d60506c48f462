export type {
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
  type DurationChangeDetail,
  DurationPicker,
  type DurationPickerProps,
} from './DurationPicker/DurationPicker.js';
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
export { StatusBadge, type StatusBadgeProps } from './StatusBadge/StatusBadge.js';
export { SummaryCards, type SummaryCardsProps } from './SummaryCards/SummaryCards.js';
