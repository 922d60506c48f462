import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentProps, useRef } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { FakeServerTable } from '../fixtures/FakeServerTable.js';
import { TABLE_DE } from '../fixtures/germanMessages.js';
import {
  ANNOUNCEMENT_ROWS,
  BY_STATUS,
  FIXTURE_NOW,
  LONG_NAME,
  LONG_ROWS,
  LONG_RTL_NAME,
  manyRows,
  RTL_ROWS,
} from '../fixtures/opportunities.js';
import { visibleColumnsForFilter } from './defaultColumns.js';
import { OpportunitiesTable } from './OpportunitiesTable.js';

const meta = {
  title: 'Components/OpportunitiesTable',
  component: OpportunitiesTable,
  args: {
    items: ANNOUNCEMENT_ROWS,
    totalCount: 15,
    selectionType: 'multi',
    now: FIXTURE_NOW,
    hasPreviousPage: false,
    hasNextPage: true,
    onSelectionChange: fn(),
    onSortingChange: fn(),
    onPreviousPage: fn(),
    onNextPage: fn(),
    onDeactivate: fn(),
    onClone: fn(),
    onViewDetails: fn(),
    onCreate: fn(),
  },
} satisfies Meta<typeof OpportunitiesTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The announcement's page. Selecting rows enables the actions their status allows. */
export const Default: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const deactivate = canvas.getByRole('button', { name: 'Deactivate' });
    const clone = canvas.getByRole('button', { name: 'Clone' });
    const details = canvas.getByRole('button', { name: 'View details' });
    await step('nothing selected: only Create is enabled', async () => {
      await expect(deactivate).toBeDisabled();
      await expect(clone).toBeDisabled();
      await expect(details).toBeDisabled();
      await expect(canvas.getByRole('button', { name: 'Create opportunity' })).toBeEnabled();
    });
    await step('a Restricted row: Clone and View details, not Deactivate', async () => {
      await userEvent.click(
        canvas.getByRole('checkbox', { name: `Select ${BY_STATUS.restricted.name}` }),
      );
      await expect(deactivate).toBeDisabled();
      await expect(clone).toBeEnabled();
      await expect(details).toBeEnabled();
      await expect(canvas.getByRole('heading', { name: 'Opportunities (1/15)' })).toBeVisible();
    });
    await step('add an Active row: Deactivate enables, single-item actions disable', async () => {
      await userEvent.click(
        canvas.getByRole('checkbox', { name: `Select ${BY_STATUS.active.name}` }),
      );
      await expect(deactivate).toBeEnabled();
      await expect(clone).toBeDisabled();
      await userEvent.click(deactivate);
      await expect(args.onDeactivate).toHaveBeenCalledWith([
        BY_STATUS.restricted,
        BY_STATUS.active,
      ]);
    });
  },
};

/** One row at a time, with radio buttons. */
export const SingleSelection: Story = {
  args: { selectionType: 'single' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: `Select ${BY_STATUS.complete.name}` }));
    await expect(canvas.getByRole('button', { name: 'Deactivate' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'View details' }));
    await expect(args.onViewDetails).toHaveBeenCalledWith(BY_STATUS.complete);
  },
};

/** One row per status: Active, Expired, Restricted, Complete. */
export const EachStatus: Story = {
  args: { items: Object.values(BY_STATUS), totalCount: 4, hasNextPage: false },
};

/** Sorting happens on the server: the header reports the request, the data comes back sorted. */
export const Sorting: Story = {
  render: (args) => <FakeServerTable {...args} rows={ANNOUNCEMENT_ROWS} pageSize={20} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const header = canvas.getByRole('columnheader', { name: 'Times used' });
    await expect(header).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(canvas.getByRole('button', { name: 'Times used' }));
    await expect(args.onSortingChange).toHaveBeenCalledWith({
      field: 'timesUsed',
      direction: 'asc',
    });
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(canvas.getByRole('button', { name: 'Times used' }));
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const firstRow = canvas.getAllByRole('row')[1] as HTMLElement;
    await expect(within(firstRow).getByRole('cell', { name: '5' })).toBeVisible();
  },
};

/** Cursor paging with page numbers, because the total is known. */
export const Paging: Story = {
  render: (args) => <FakeServerTable {...args} rows={manyRows(23)} pageSize={5} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const previous = canvas.getByRole('button', { name: 'Previous' });
    await expect(previous).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Page 1' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await expect(args.onNextPage).toHaveBeenCalled();
    await expect(canvas.getByRole('button', { name: 'Page 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(previous).toBeEnabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Page 5' }));
    await expect(canvas.getByRole('button', { name: 'Next' })).toBeDisabled();
    await expect(canvas.getAllByRole('row')).toHaveLength(4); // header + 3 rows on the last page
  },
};

/** The first load: no rows yet, and the count is a placeholder until it is known (never 0). */
export const Loading: Story = {
  args: { items: [], loading: true, totalCount: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('(…)');
    await expect(canvas.getByText('Loading opportunities')).toBeVisible();
  },
};

/**
 * "Next" was pressed: page 1's rows stay visible, greyed and `aria-busy`, while page 2 loads;
 * paging waits for it.
 */
export const LoadingNextPage: Story = {
  args: { loading: true, currentPage: 2, pageSize: 11, totalCount: 99, hasPreviousPage: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('rowheader', { name: BY_STATUS.active.name })).toBeVisible();
    await expect(canvas.getByText('Loading the next page')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Next' })).toBeDisabled();
  },
};

/** A page link (cursor) that no longer works: the app restarts at page 1 and says so. */
export const CursorRestarted: Story = {
  args: { notice: true, currentPage: 1, pageSize: 11, totalCount: 15 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/starts again at the first page/)).toBeVisible();
  },
};

/**
 * After "Expiring in 30 days": the "Expires" column joins (`visibleColumnsForFilter`), sorted
 * by end date; rows without one say "No end date" or "Single use".
 */
export const ExpiringWithEndDate: Story = {
  args: {
    visibleColumns: visibleColumnsForFilter({ status: ['active'], expiringWithinDays: 30 }),
    sorting: { field: 'endDate', direction: 'asc' },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const header = canvas.getByRole('columnheader', { name: /Expires/ });
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect(canvas.getAllByText('No end date').length).toBeGreaterThan(0);
    await expect(canvas.getAllByText('Single use').length).toBeGreaterThan(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Expires' }));
    await expect(args.onSortingChange).toHaveBeenCalledWith({
      field: 'endDate',
      direction: 'desc',
    });
  },
};

export const Empty: Story = { args: { items: [], totalCount: 0, hasNextPage: false } };

/** A filter matched nothing: "Clear filter" asks the app to drop it. */
export const NoMatch: Story = {
  args: {
    items: [],
    totalCount: 0,
    hasNextPage: false,
    filteringActive: true,
    onClearFilter: fn(),
    filter: <p style={{ margin: 0 }}>Filter: status is Expired, text "zzz"</p>,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No matches')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Clear filter' }));
    await expect(args.onClearFilter).toHaveBeenCalled();
  },
};

export const ErrorState: Story = {
  name: 'Error',
  args: {
    items: [],
    error: 'The opportunities could not be loaded: the server did not answer.',
    onRetry: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('did not answer');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** Long values are cut with an ellipsis; the whole value stays in the title and the text. */
export const VeryLongNames: Story = {
  args: { items: LONG_ROWS, totalCount: 2, hasNextPage: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const cell = canvas.getByRole('rowheader', { name: LONG_NAME });
    await expect(cell.querySelector('[title]')).toHaveAttribute('title', LONG_NAME);
    await expect(canvas.getByRole('checkbox', { name: `Select ${LONG_NAME}` })).toBeVisible();
  },
};

/** The Opportunity ID's copy button writes to the clipboard and announces "Copied". */
export const CopyId: Story = {
  args: { items: [BY_STATUS.active], totalCount: 1, hasNextPage: false },
  // A clipboard that always succeeds, so the story works where the real one is missing or asks.
  beforeEach: () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: fn(async () => {}) },
      configurable: true,
    });
    return () => {
      delete (navigator as { clipboard?: unknown }).clipboard;
    };
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      canvas.getByRole('button', { name: `Copy Opportunity ID ${BY_STATUS.active.id}` }),
    );
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith(BY_STATUS.active.id);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Copied'));
  },
};

/**
 * 1,000 rows on one page. Above 100 rows the table is virtualized (`virtualize: 'auto'`): only
 * the rows in and near the viewport are in the DOM, spacers keep the page's full height, and
 * `aria-rowcount` / `aria-rowindex` tell assistive technology where each row is. Scroll the
 * page: the rows follow.
 */
export const ThousandRows: Story = {
  name: '1,000 rows (virtualized)',
  args: { items: manyRows(1000), totalCount: 1000, hasNextPage: false },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('a viewport of rows, announced as 1,001 (with the header)', async () => {
      await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
      const rows = canvasElement.querySelectorAll('tbody tr.rk-row');
      await expect(rows.length).toBeGreaterThan(0);
      await expect(rows.length).toBeLessThan(60);
      await expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
      await expect(canvas.getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    });
    await step('select all selects the 1,000 rows, rendered or not', async () => {
      const all = canvas.getByRole('checkbox', { name: 'Select all opportunities on this page' });
      await userEvent.click(all);
      await expect(
        canvas.getByRole('heading', { name: 'Opportunities (1,000/1,000)' }),
      ).toBeVisible();
      await userEvent.click(all);
      await expect(canvas.getByRole('heading', { name: 'Opportunities (1,000)' })).toBeVisible();
    });
  },
};

/** A panel of fixed height that scrolls, holding the table: the panel is its `scrollContainer`. */
function ScrollPanel(props: ComponentProps<typeof OpportunitiesTable>) {
  const panel = useRef<HTMLElement>(null);
  return (
    <section
      ref={panel}
      aria-label="Opportunities panel"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
      tabIndex={0}
      style={{ height: 480, overflow: 'auto' }}
    >
      <OpportunitiesTable {...props} scrollContainer={panel} />
    </section>
  );
}

/** 1,000 rows in a scrolling panel of 480 px: only the rows the panel shows are rendered. */
export const ThousandRowsInScrollContainer: Story = {
  name: '1,000 rows in a scroll container',
  args: { items: manyRows(1000), totalCount: 1000, hasNextPage: false },
  render: (args) => <ScrollPanel {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
    await expect(canvasElement.querySelectorAll('tbody tr.rk-row').length).toBeLessThan(40);
    const panel = canvas.getByRole('region', { name: 'Opportunities panel' });
    // In a browser (jsdom has no layout, so nothing to scroll): the end of the panel shows the last row.
    if (panel.clientHeight > 0) {
      panel.scrollTop = panel.scrollHeight;
      await waitFor(() =>
        expect(canvas.getByRole('rowheader', { name: 'Opportunity 1000' })).toBeVisible(),
      );
      await expect(
        canvas.getByRole('rowheader', { name: 'Opportunity 1000' }).closest('tr'),
      ).toHaveAttribute('aria-rowindex', '1001');
    }
  },
};

export const Dark: Story = { parameters: { theme: 'dark' } };

/** German strings and de-DE numbers, percents and relative dates. */
export const German: Story = {
  args: { locale: 'de-DE', messages: TABLE_DE, items: manyRows(8), totalCount: 1234 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Verkaufschancen (1.234)' })).toBeVisible();
    await expect(canvas.getAllByText('Prozentsatz (12 %)').length).toBeGreaterThan(0);
  },
};

/** A phone-sized viewport: the grid scrolls horizontally, the header wraps. */
export const NarrowViewport: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { maxWidth: 360 },
};

/**
 * Right to left: the layout mirrors (logical CSS), and each long value is cut at its own
 * logical end: the Hebrew name on the left, the Latin one on the right.
 */
export const RightToLeft: Story = {
  args: {
    items: RTL_ROWS,
    totalCount: RTL_ROWS.length,
    visibleColumns: visibleColumnsForFilter({ expiringWithinDays: 30 }),
  },
  parameters: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvasElement.querySelector('.rk-table') as HTMLElement;
    await expect(table.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    const cell = canvas.getByRole('rowheader', { name: LONG_RTL_NAME });
    await expect(cell.querySelector('[title]')).toHaveAttribute('title', LONG_RTL_NAME);
    await expect(canvas.getByRole('rowheader', { name: LONG_NAME })).toBeVisible();
  },
};

/** Only some columns, in another order. */
export const VisibleColumns: Story = {
  args: { visibleColumns: ['name', 'status', 'timesUsed', 'createdAt'] },
};
