import type { ListFilters, SortField } from '@resale-kit/core';
import { formatCalendarDate, formatNumber } from '../i18n/format.js';
import type { TableMessages } from '../i18n/messages.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { CopyButton } from './CopyButton.js';
import { RelativeTime } from './RelativeTime.js';
import { TruncatedText } from './TruncatedText.js';
import type { ColumnDefinition } from './types.js';

/**
 * The ids of the announcement's eight columns, in their order, shown by default: each column
 * sorts on its own field, so they are core's sort fields. `'endDate'` ("Expires") is defined
 * too but shown only when asked for (see `visibleColumnsForFilter`).
 */
export const DEFAULT_COLUMN_IDS = [
  'name',
  'productName',
  'resellerName',
  'status',
  'timesUsed',
  'id',
  'discount',
  'createdAt',
] as const satisfies readonly SortField[];

/**
 * The columns to show for a list's filters: the default eight, plus "Expires" (before
 * "Created") when the list is narrowed to what expires soon, where the end date is the point.
 */
export function visibleColumnsForFilter(filters: ListFilters): string[] {
  const ids: string[] = [...DEFAULT_COLUMN_IDS];
  if (filters.expiringWithinDays !== undefined) ids.splice(ids.indexOf('createdAt'), 0, 'endDate');
  return ids;
}

/**
 * The announcement's eight columns with the given header texts, then the optional "Expires"
 * (`endDate`); each sorts on its own field. The eight add up to 80.5rem with the selection
 * column (1,288 px at 16 px/rem): the table fits a 1,400 px page.
 */
export function defaultColumnDefinitions(messages: TableMessages): ColumnDefinition[] {
  return [
    {
      id: 'name',
      width: '13rem',
      header: messages.columnName,
      sortingField: 'name',
      isRowHeader: true,
      cell: (o) => <TruncatedText>{o.name}</TruncatedText>,
    },
    {
      id: 'productName',
      width: '12rem',
      header: messages.columnProductName,
      sortingField: 'productName',
      cell: (o) => <TruncatedText>{o.productName}</TruncatedText>,
    },
    {
      id: 'resellerName',
      width: '9.5rem',
      header: messages.columnResellerName,
      sortingField: 'resellerName',
      cell: (o) => <TruncatedText>{o.resellerName}</TruncatedText>,
    },
    {
      id: 'status',
      width: '8rem',
      header: messages.columnStatus,
      sortingField: 'status',
      // The title keeps a label cut by a narrow column (a translation) readable on hover.
      cell: (o, { messages: m }) => (
        <span title={m.status[o.status]}>
          <StatusBadge status={o.status} messages={m.status} />
        </span>
      ),
    },
    {
      id: 'timesUsed',
      width: '8rem',
      header: messages.columnTimesUsed,
      sortingField: 'timesUsed',
      cell: (o, { locale }) => formatNumber(o.timesUsed, locale),
    },
    {
      id: 'id',
      width: '10rem',
      header: messages.columnId,
      sortingField: 'id',
      cell: (o, { messages: m, copy }) => (
        <span className="rk-id-cell">
          <TruncatedText>{o.id}</TruncatedText>
          <CopyButton text={o.id} label={m.copyId(o.id)} onCopy={copy} />
        </span>
      ),
    },
    {
      id: 'discount',
      width: '10rem',
      header: messages.columnDiscount,
      sortingField: 'discount',
      cell: (o, { locale, messages: m }) => (
        <TruncatedText>{m.discount(o.discount, locale)}</TruncatedText>
      ),
    },
    {
      id: 'createdAt',
      width: '7.5rem',
      header: messages.columnCreated,
      sortingField: 'createdAt',
      cell: (o, { locale, now }) => <RelativeTime value={o.createdAt} now={now} locale={locale} />,
    },
    {
      id: 'endDate',
      width: '8rem',
      header: messages.columnExpires,
      sortingField: 'endDate',
      cell: (o, { locale, messages: m }) => (
        <TruncatedText>
          {o.endDate
            ? formatCalendarDate(o.endDate, locale)
            : o.durationType === 'single-use'
              ? m.singleUse
              : m.noEndDate}
        </TruncatedText>
      ),
    },
  ];
}
