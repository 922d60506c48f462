import type { Discount, DurationType, FieldIssue, Status } from '@resale-kit/core';
import { describeIssue, formatDiscount, STATUS_LABELS } from '@resale-kit/core';

/** The words StatusBadge shows: one label per status. */
export type StatusMessages = Record<Status, string>;

/** Every string the OpportunitiesTable shows. Override any of them through `messages`. */
export interface TableMessages {
  /** The heading before the counter: "Opportunities". */
  title: string;
  /** Column headers, by column id. */
  columnName: string;
  columnProductName: string;
  columnResellerName: string;
  columnStatus: string;
  columnTimesUsed: string;
  columnId: string;
  columnDiscount: string;
  columnCreated: string;
  /** The optional end date column ("Expires") and its cells without a date. */
  columnExpires: string;
  noEndDate: string;
  singleUse: string;
  /** Read in place of the count while it is not known yet: the counter shows "(…)". */
  countLoading: string;
  /** The table's rows while the next page loads (kept visible, dimmed). */
  busy: string;
  /** The notice of `notice={true}`: a page link that no longer works, restarted at page 1. */
  cursorRestarted: string;
  /** Action buttons. */
  deactivate: string;
  clone: string;
  viewDetails: string;
  createOpportunity: string;
  /** The accessible name of the actions toolbar. */
  actionsLabel: string;
  /** Paging. */
  previousPage: string;
  nextPage: string;
  paginationLabel: string;
  pageLabel: (page: number) => string;
  /** Shown instead of page buttons when pages cannot be picked: "Page 2 of 8". */
  pageOf: (page: number, count: number) => string;
  /** Selection controls. */
  selectAll: string;
  selectRow: (name: string) => string;
  /** States. */
  loading: string;
  empty: string;
  emptyDescription: string;
  noMatch: string;
  noMatchDescription: string;
  clearFilter: string;
  error: string;
  retry: string;
  /** The copy button next to an Opportunity ID. */
  copyId: (id: string) => string;
  copied: string;
  copyFailed: string;
  /** Status labels used by the Status column. */
  status: StatusMessages;
  /** The "Discount type" cell: core's `formatDiscount` ("Percentage (12%)") by default. */
  discount: (discount: Discount, locale: string) => string;
}

/** Every string the DurationPicker shows. */
export interface DurationPickerMessages {
  /** The group's label: "Opportunity duration". */
  legend: string;
  /** The group's description. */
  description: string;
  /** Label and description of each duration type. */
  types: Record<DurationType, { label: string; description: string }>;
  endDate: string;
  /** Appended to the end date label when the date is optional. */
  optional: string;
  /** Hint under the end date field. */
  endDateHint: string;
  /** Turns a rule violation from core's `durationIssues` into the text shown. */
  issue: (issue: FieldIssue) => string;
}

/** Every string the SummaryCards show. */
export interface SummaryCardsMessages {
  title: string;
  description: string;
  expiring: (days: number) => string;
  active: string;
  loading: string;
  /** Status labels used by the per-status cards. */
  status: StatusMessages;
  /** The hint read after a clickable card's label: "Show these opportunities". */
  showFiltered: string;
}

export const DEFAULT_STATUS_MESSAGES: StatusMessages = STATUS_LABELS;

export const DEFAULT_TABLE_MESSAGES: TableMessages = {
  title: 'Opportunities',
  columnName: 'Opportunity name',
  columnProductName: 'Product name',
  columnResellerName: 'Reseller name',
  columnStatus: 'Status',
  columnTimesUsed: 'Times used',
  columnId: 'Opportunity ID',
  columnDiscount: 'Discount type',
  columnCreated: 'Created',
  columnExpires: 'Expires',
  noEndDate: 'No end date',
  singleUse: 'Single use',
  countLoading: 'count loading',
  busy: 'Loading the next page',
  cursorRestarted: 'That page is no longer available, so the list starts again at the first page.',
  deactivate: 'Deactivate',
  clone: 'Clone',
  viewDetails: 'View details',
  createOpportunity: 'Create opportunity',
  actionsLabel: 'Opportunity actions',
  previousPage: 'Previous',
  nextPage: 'Next',
  paginationLabel: 'Pages',
  pageLabel: (page) => `Page ${page}`,
  pageOf: (page, count) => `Page ${page} of ${count}`,
  selectAll: 'Select all opportunities on this page',
  selectRow: (name) => `Select ${name}`,
  loading: 'Loading opportunities',
  empty: 'No opportunities',
  emptyDescription: 'No opportunities to display.',
  noMatch: 'No matches',
  noMatchDescription: 'No opportunity matches the filter.',
  clearFilter: 'Clear filter',
  error: 'The opportunities could not be loaded.',
  retry: 'Retry',
  copyId: (id) => `Copy Opportunity ID ${id}`,
  copied: 'Copied',
  copyFailed: 'Could not copy',
  status: DEFAULT_STATUS_MESSAGES,
  discount: formatDiscount,
};

export const DEFAULT_DURATION_PICKER_MESSAGES: DurationPickerMessages = {
  legend: 'Opportunity duration',
  description:
    'Define how long the specified resellers are authorized to create offers using the specified discounts',
  types: {
    'single-use': {
      label: 'Single use',
      description: 'Allows for a single offer to be created per product specified',
    },
    'specific-duration': {
      label: 'Specific time duration',
      description: 'Opportunity expires after the date specified below',
    },
    'no-set-duration': {
      label: 'No set time duration',
      description: 'Lasts until you manually deactivate the opportunity',
    },
  },
  endDate: 'End date',
  optional: 'optional',
  endDateHint: 'The opportunity ends at the end of this day (UTC).',
  issue: (issue) => {
    switch (issue.code) {
      case 'end_date_required':
        return 'Enter an end date: a specific time duration needs one.';
      case 'end_date_not_allowed':
        return 'Remove the end date: no set time duration has none.';
      case 'not_calendar_date':
        return 'Enter a real date, written YYYY-MM-DD.';
      case 'date_in_past':
        return `Pick an end date that is not in the past (today is ${issue.params?.today}, UTC).`;
      default:
        return describeIssue(issue);
    }
  },
};

export const DEFAULT_SUMMARY_CARDS_MESSAGES: SummaryCardsMessages = {
  title: 'Summary',
  description: 'Summary of opportunities you created',
  expiring: (days) => `Expiring in ${days} days`,
  active: 'Active',
  loading: 'Loading',
  status: DEFAULT_STATUS_MESSAGES,
  showFiltered: 'Show these opportunities',
};
