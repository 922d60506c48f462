import type { TableMessages } from '../i18n/messages.js';
import { pageWindow } from './pageWindow.js';
import type { OpportunitiesTableProps } from './types.js';

type PaginationProps = Pick<
  OpportunitiesTableProps,
  | 'hasPreviousPage'
  | 'hasNextPage'
  | 'onPreviousPage'
  | 'onNextPage'
  | 'currentPage'
  | 'pageSize'
  | 'totalCount'
  | 'onPageChange'
> & { messages: TableMessages; disabled: boolean };

/** "< Previous" / "Next >" driven by cursors, with page numbers when the total is known. */
export function TablePagination(props: PaginationProps) {
  const { messages: m, currentPage, pageSize, totalCount, onPageChange, disabled } = props;
  const count =
    currentPage && pageSize && totalCount !== undefined
      ? Math.max(1, Math.ceil(totalCount / pageSize))
      : undefined;
  return (
    <nav className="rk-pagination" aria-label={m.paginationLabel}>
      <button
        type="button"
        className="rk-button rk-button--link"
        disabled={disabled || !props.hasPreviousPage}
        onClick={props.onPreviousPage}
      >
        <span aria-hidden="true">&lt; </span>
        {m.previousPage}
      </button>
      {count !== undefined && currentPage !== undefined && !onPageChange && (
        <span className="rk-page-of">{m.pageOf(currentPage, count)}</span>
      )}
      {count !== undefined && currentPage !== undefined && onPageChange && (
        <ul className="rk-pages">
          {pageWindow(currentPage, count).map((page, i) =>
            page === null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
              <li key={`gap-${i}`} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={page}>
                <button
                  type="button"
                  className="rk-page"
                  aria-label={m.pageLabel(page)}
                  aria-current={page === currentPage ? 'page' : undefined}
                  disabled={disabled}
                  onClick={() => page !== currentPage && onPageChange(page)}
                >
                  {page}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <button
        type="button"
        className="rk-button rk-button--link"
        disabled={disabled || !props.hasNextPage}
        onClick={props.onNextPage}
      >
        {m.nextPage}
        <span aria-hidden="true"> &gt;</span>
      </button>
    </nav>
  );
}
