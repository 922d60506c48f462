import { SORT_FIELDS } from '@resale-kit/core';
import { formatNumber } from '../i18n/format.js';
import type { TableMessages } from '../i18n/messages.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { CopyButton } from './CopyButton.js';
import { RelativeTime } from './RelativeTime.js';
import { TruncatedText } from './TruncatedText.js';
import type { ColumnDefinition } from './types.js';

/**
 * The ids of the announcement's eight columns, in their order: each column sorts on its own
 * field, so they are core's sort fields.
 */
export const DEFAULT_COLUMN_IDS = SORT_FIELDS;

/** The announcement's eight columns with the given header texts; each sorts on its own field. */
export function defaultColumnDefinitions(messages: TableMessages): ColumnDefinition[] {
  return [
    {
      id: 'name',
      header: messages.columnName,
      sortingField: 'name',
      isRowHeader: true,
      cell: (o) => <TruncatedText>{o.name}</TruncatedText>,
    },
    {
      id: 'productName',
      header: messages.columnProductName,
      sortingField: 'productName',
      cell: (o) => <TruncatedText>{o.productName}</TruncatedText>,
    },
    {
      id: 'resellerName',
      header: messages.columnResellerName,
      sortingField: 'resellerName',
      cell: (o) => <TruncatedText>{o.resellerName}</TruncatedText>,
    },
    {
      id: 'status',
      header: messages.columnStatus,
      sortingField: 'status',
      cell: (o, { messages: m }) => <StatusBadge status={o.status} messages={m.status} />,
    },
    {
      id: 'timesUsed',
      header: messages.columnTimesUsed,
      sortingField: 'timesUsed',
      cell: (o, { locale }) => formatNumber(o.timesUsed, locale),
    },
    {
      id: 'id',
      header: messages.columnId,
      sortingField: 'id',
      width: '10rem',
      cell: (o, { messages: m, copy }) => (
        <span className="rk-id-cell">
          <TruncatedText>{o.id}</TruncatedText>
          <CopyButton text={o.id} label={m.copyId(o.id)} onCopy={copy} />
        </span>
      ),
    },
    {
      id: 'discount',
      header: messages.columnDiscount,
      sortingField: 'discount',
      cell: (o, { locale, messages: m }) => m.discount(o.discount, locale),
    },
    {
      id: 'createdAt',
      header: messages.columnCreated,
      sortingField: 'createdAt',
      cell: (o, { locale, now }) => <RelativeTime value={o.createdAt} now={now} locale={locale} />,
    },
  ];
}
