import type { Opportunity } from '@resale-kit/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import {
  ANNOUNCEMENT_ROWS,
  BY_STATUS,
  FIXTURE_NOW,
  LONG_NAME,
  LONG_ROWS,
} from '../src/fixtures/opportunities.js';
import {
  DEFAULT_TABLE_MESSAGES,
  OpportunitiesTable,
  type OpportunitiesTableProps,
  visibleColumnsForFilter,
} from '../src/index.js';

const ROWS = Object.values(BY_STATUS);

function renderTable(props: Partial<OpportunitiesTableProps> = {}) {
  const handlers = {
    onDeactivate: vi.fn(),
    onClone: vi.fn(),
    onViewDetails: vi.fn(),
    onCreate: vi.fn(),
    onSelectionChange: vi.fn(),
  };
  const user = userEvent.setup();
  render(
    <OpportunitiesTable
      items={ROWS}
      totalCount={15}
      selectionType="multi"
      now={FIXTURE_NOW}
      {...handlers}
      {...props}
    />,
  );
  return { user, ...handlers };
}

const button = (name: string) => screen.getByRole('button', { name });
const checkbox = (o: Opportunity) => screen.getByRole('checkbox', { name: `Select ${o.name}` });

describe('columns and cells', () => {
  test('shows the announcement eight columns in order', () => {
    renderTable();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(1)).toEqual([
      'Opportunity name',
      'Product name',
      'Reseller name',
      'Status',
      'Times used',
      'Opportunity ID',
      'Discount type',
      'Created',
    ]);
  });

  test('names each row by its opportunity name and shows the status as icon and text', () => {
    renderTable();
    const row = screen.getByRole('row', { name: new RegExp(BY_STATUS.expired.name) });
    expect(within(row).getByRole('rowheader')).toHaveTextContent(BY_STATUS.expired.name);
    const status = within(row).getByText('Expired');
    expect(status.parentElement?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(within(row).getByText('Percentage (12%)')).toBeInTheDocument();
    expect(within(row).getByRole('cell', { name: '5' })).toBeInTheDocument();
  });

  test('Created is relative to `now` in a <time dateTime> with the exact time as title', () => {
    renderTable({ items: [BY_STATUS.active] });
    const time = screen.getByText('3 months ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', BY_STATUS.active.createdAt);
    expect(time.getAttribute('title')).toMatch(/Mar 10, 2026/);
  });

  test('long values keep the whole value in the title and the accessible name', () => {
    renderTable({ items: LONG_ROWS });
    const cell = screen.getByRole('rowheader', { name: LONG_NAME });
    expect(within(cell).getByTitle(LONG_NAME)).toHaveClass('rk-ellipsis');
  });

  test('every cell a column can cut has its whole text in a title', () => {
    renderTable({
      items: [BY_STATUS.restricted],
      messages: { status: { ...DEFAULT_TABLE_MESSAGES.status, restricted: 'Eingeschränkt' } },
    });
    const row = screen.getByRole('row', { name: new RegExp(BY_STATUS.restricted.name) });
    const o = BY_STATUS.restricted;
    for (const text of [
      o.name,
      o.productName,
      o.resellerName,
      o.id,
      'Percentage (12%)',
      'Eingeschränkt',
    ]) {
      expect(within(row).getByTitle(text)).toHaveTextContent(text);
    }
  });

  test('visibleColumns picks and orders columns; columnDefinitions replace them', () => {
    const { unmount } = render(
      <OpportunitiesTable items={ROWS} now={FIXTURE_NOW} visibleColumns={['status', 'name']} />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Status',
      'Opportunity name',
    ]);
    unmount();
    render(
      <OpportunitiesTable
        items={ROWS}
        columnDefinitions={[{ id: 'upper', header: 'Upper', cell: (o) => o.name.toUpperCase() }]}
      />,
    );
    expect(
      screen.getByRole('cell', { name: BY_STATUS.active.name.toUpperCase() }),
    ).toBeInTheDocument();
  });

  test('formats numbers, percents and dates for the locale', () => {
    render(
      <OpportunitiesTable
        items={[{ ...BY_STATUS.active, timesUsed: 1234 }]}
        totalCount={5000}
        locale="de-DE"
        now={FIXTURE_NOW}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Opportunities (5.000)' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '1.234' })).toBeInTheDocument();
    expect(screen.getByText('vor 3 Monaten')).toBeInTheDocument();
    expect(screen.getByText('Percentage (12 %)')).toBeInTheDocument();
  });

  test('messages override the strings', () => {
    renderTable({ messages: { title: 'Chances', deactivate: 'Turn off' } });
    expect(screen.getByRole('heading', { name: 'Chances (15)' })).toBeInTheDocument();
    expect(button('Turn off')).toBeDisabled();
  });
});

/** A parent that keeps only the last selected item. */
function Parent() {
  const [selected, setSelected] = useState<Opportunity[]>([BY_STATUS.expired]);
  return (
    <>
      <OpportunitiesTable
        items={ROWS}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ selectedItems }) => setSelected(selectedItems.slice(-1))}
      />
      <output>{selected.map((o) => o.name).join(',')}</output>
    </>
  );
}

describe('selection and actions', () => {
  test('the counter shows the selection: (15) then (1/15)', async () => {
    const { user } = renderTable();
    expect(screen.getByRole('heading', { name: 'Opportunities (15)' })).toBeInTheDocument();
    await user.click(checkbox(BY_STATUS.active));
    expect(screen.getByRole('heading', { name: 'Opportunities (1/15)' })).toBeInTheDocument();
  });

  test('nothing selected: Deactivate, Clone, View details disabled; Create enabled', async () => {
    const { user, onCreate } = renderTable();
    expect(button('Deactivate')).toBeDisabled();
    expect(button('Clone')).toBeDisabled();
    expect(button('View details')).toBeDisabled();
    await user.click(button('Create opportunity'));
    expect(onCreate).toHaveBeenCalledOnce();
  });

  test.each([
    ['active', true],
    ['expired', false],
    ['restricted', false],
    ['complete', false],
  ] as const)(
    'one %s row: Deactivate enabled = %s, Clone and View details enabled',
    async (status, canDeactivate) => {
      const { user, onClone, onViewDetails } = renderTable();
      await user.click(checkbox(BY_STATUS[status]));
      expect(button('Deactivate')).toHaveProperty('disabled', !canDeactivate);
      await user.click(button('Clone'));
      expect(onClone).toHaveBeenCalledWith(BY_STATUS[status]);
      await user.click(button('View details'));
      expect(onViewDetails).toHaveBeenCalledWith(BY_STATUS[status]);
    },
  );

  test('guards are evaluated at `now`: an Active row past its end date cannot be deactivated', async () => {
    const later = new Date('2027-01-01T00:00:00Z');
    const { user } = renderTable({ now: later });
    await user.click(checkbox(BY_STATUS.active));
    expect(button('Deactivate')).toBeDisabled();
  });

  test('several rows: Deactivate reports them all; Clone and View details need exactly one', async () => {
    const { user, onDeactivate } = renderTable();
    await user.click(checkbox(BY_STATUS.active));
    await user.click(checkbox(BY_STATUS.expired));
    expect(button('Clone')).toBeDisabled();
    expect(button('View details')).toBeDisabled();
    await user.click(button('Deactivate'));
    expect(onDeactivate).toHaveBeenCalledWith([BY_STATUS.active, BY_STATUS.expired]);
  });

  test('select all toggles the page and shows a mixed state', async () => {
    const { user, onSelectionChange } = renderTable();
    const all = screen.getByRole('checkbox', { name: 'Select all opportunities on this page' });
    await user.click(checkbox(BY_STATUS.active));
    expect(all).toHaveProperty('indeterminate', true);
    await user.click(all);
    expect(onSelectionChange).toHaveBeenLastCalledWith({
      selectedItems: expect.arrayContaining(ROWS),
    });
    expect(screen.getByRole('heading', { name: 'Opportunities (4/15)' })).toBeInTheDocument();
    await user.click(all);
    expect(onSelectionChange).toHaveBeenLastCalledWith({ selectedItems: [] });
  });

  test('keyboard: Tab reaches the row checkboxes and Space selects', async () => {
    const user = userEvent.setup();
    render(<OpportunitiesTable items={ROWS} selectionType="multi" />);
    await user.tab(); // the scrollable table region
    await user.tab(); // select all
    expect(
      screen.getByRole('checkbox', { name: 'Select all opportunities on this page' }),
    ).toHaveFocus();
    await user.tab();
    expect(checkbox(ROWS[0] as Opportunity)).toHaveFocus();
    await user.keyboard(' ');
    expect(checkbox(ROWS[0] as Opportunity)).toBeChecked();
    expect(screen.getByRole('heading', { name: 'Opportunities (1/4)' })).toBeInTheDocument();
  });

  test('single selection uses radio buttons and replaces the selection', async () => {
    const { user, onSelectionChange } = renderTable({ selectionType: 'single' });
    await user.click(screen.getByRole('radio', { name: `Select ${BY_STATUS.active.name}` }));
    await user.click(screen.getByRole('radio', { name: `Select ${BY_STATUS.complete.name}` }));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ selectedItems: [BY_STATUS.complete] });
    expect(
      screen.getByRole('radio', { name: `Select ${BY_STATUS.active.name}` }),
    ).not.toBeChecked();
  });

  test('controlled selection shows what the parent holds', async () => {
    const user = userEvent.setup();
    render(<Parent />);
    expect(checkbox(BY_STATUS.expired)).toBeChecked();
    await user.click(checkbox(BY_STATUS.active));
    expect(checkbox(BY_STATUS.expired)).not.toBeChecked();
    expect(checkbox(BY_STATUS.active)).toBeChecked();
  });

  test('a controlled selection that the parent ignores does not change', async () => {
    const { user, onSelectionChange } = renderTable({ selectedItems: [] });
    await user.click(checkbox(BY_STATUS.active));
    expect(onSelectionChange).toHaveBeenCalledWith({ selectedItems: [BY_STATUS.active] });
    expect(checkbox(BY_STATUS.active)).not.toBeChecked();
  });

  test('trackBy keeps the selection across new item objects', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <OpportunitiesTable items={ROWS} selectionType="multi" trackBy="id" />,
    );
    await user.click(checkbox(BY_STATUS.active));
    rerender(
      <OpportunitiesTable
        items={ROWS.map((o) => ({ ...o }))}
        selectionType="multi"
        trackBy={(o) => o.id}
      />,
    );
    expect(checkbox(BY_STATUS.active)).toBeChecked();
  });

  test('buttons without handlers are not shown; the actions slot gets the selection', async () => {
    const user = userEvent.setup();
    render(
      <OpportunitiesTable
        items={ROWS}
        selectionType="single"
        actions={(selected) => (
          <button type="button" disabled={selected.length !== 1}>
            Create offer
          </button>
        )}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
    expect(button('Create offer')).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: `Select ${BY_STATUS.active.name}` }));
    expect(button('Create offer')).toBeEnabled();
  });
});

describe('sorting', () => {
  test('headers report sort requests and expose aria-sort', async () => {
    const onSortingChange = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <OpportunitiesTable
        items={ROWS}
        sorting={{ field: 'name', direction: 'asc' }}
        onSortingChange={onSortingChange}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Opportunity name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByRole('columnheader', { name: 'Created' })).toHaveAttribute(
      'aria-sort',
      'none',
    );
    await user.click(button('Opportunity name'));
    expect(onSortingChange).toHaveBeenLastCalledWith({ field: 'name', direction: 'desc' });
    // Controlled: nothing changes until the parent passes the new sort.
    expect(screen.getByRole('columnheader', { name: 'Opportunity name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await user.click(button('Created'));
    expect(onSortingChange).toHaveBeenLastCalledWith({ field: 'createdAt', direction: 'asc' });
    rerender(
      <OpportunitiesTable
        items={ROWS}
        sorting={{ field: 'createdAt', direction: 'desc' }}
        onSortingChange={onSortingChange}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Created' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  test('uncontrolled sorting moves the indicator; the items keep the order they were given', async () => {
    const user = userEvent.setup();
    render(<OpportunitiesTable items={ROWS} onSortingChange={vi.fn()} />);
    await user.click(button('Times used'));
    expect(screen.getByRole('columnheader', { name: 'Times used' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const names = screen.getAllByRole('rowheader').map((c) => c.textContent);
    expect(names).toEqual(ROWS.map((o) => o.name));
  });

  test('without onSortingChange the headers are plain text', () => {
    render(<OpportunitiesTable items={ROWS} />);
    expect(screen.queryByRole('button', { name: 'Times used' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Times used' })).not.toHaveAttribute(
      'aria-sort',
    );
  });
});

describe('paging', () => {
  test('Previous and Next follow hasPreviousPage / hasNextPage and report clicks', async () => {
    const onPreviousPage = vi.fn();
    const onNextPage = vi.fn();
    const { user } = renderTable({
      hasPreviousPage: false,
      hasNextPage: true,
      onPreviousPage,
      onNextPage,
    });
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(nav).getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(within(nav).getByRole('button', { name: 'Next' }));
    expect(onNextPage).toHaveBeenCalledOnce();
    expect(onPreviousPage).not.toHaveBeenCalled();
  });

  test('page numbers when the total is known, with the current page marked', async () => {
    const onPageChange = vi.fn();
    const { user } = renderTable({ totalCount: 100, pageSize: 10, currentPage: 5, onPageChange });
    const pages = within(screen.getByRole('list'))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(pages).toEqual(['1', '4', '5', '6', '10']);
    expect(button('Page 5')).toHaveAttribute('aria-current', 'page');
    await user.click(button('Page 10'));
    expect(onPageChange).toHaveBeenCalledWith(10);
  });

  test('without onPageChange the position is text', () => {
    renderTable({ totalCount: 45, pageSize: 20, currentPage: 2 });
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
  });
});

describe('end date column', () => {
  test('"Expires" shows the date, "No end date" or "Single use", and sorts by endDate', async () => {
    const onSortingChange = vi.fn();
    const { user } = renderTable({
      visibleColumns: ['name', 'endDate'],
      onSortingChange,
    });
    const cellOf = (o: Opportunity) =>
      within(screen.getByRole('row', { name: new RegExp(o.name) })).getAllByRole('cell')[1];
    expect(cellOf(BY_STATUS.active)).toHaveTextContent('Sep 13, 2026');
    expect(cellOf(BY_STATUS.restricted)).toHaveTextContent('No end date');
    expect(cellOf(BY_STATUS.complete)).toHaveTextContent('Single use');
    await user.click(screen.getByRole('button', { name: 'Expires' }));
    expect(onSortingChange).toHaveBeenCalledWith({ field: 'endDate', direction: 'asc' });
  });

  test('hidden by default; the expiring filter shows it before "Created"', () => {
    renderTable();
    expect(screen.queryByRole('columnheader', { name: 'Expires' })).toBeNull();
    expect(visibleColumnsForFilter({})).not.toContain('endDate');
    const ids = visibleColumnsForFilter({ expiringWithinDays: 30 });
    expect(ids.slice(-2)).toEqual(['endDate', 'createdAt']);
  });
});

describe('states', () => {
  test('loading the next page: the old rows stay, marked busy; paging waits', () => {
    renderTable({ loading: true, hasNextPage: true });
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(table).toHaveClass('rk-table-busy');
    expect(screen.getByRole('rowheader', { name: BY_STATUS.active.name })).toBeInTheDocument();
    expect(screen.queryByText('Loading opportunities')).toBeNull();
    expect(screen.getByText('Loading the next page')).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();
  });

  test('the count is a placeholder, not 0, until it is known', () => {
    const { rerender } = render(<OpportunitiesTable items={[]} loading now={FIXTURE_NOW} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading).toHaveTextContent('Opportunities (…)count loading');
    expect(heading).not.toHaveTextContent('(0)');
    rerender(<OpportunitiesTable items={[]} totalCount={0} now={FIXTURE_NOW} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Opportunities (0)');
  });

  test('a notice above the rows: the default text for a restarted list, or any content', () => {
    const { rerender } = render(<OpportunitiesTable items={ROWS} notice now={FIXTURE_NOW} />);
    expect(screen.getByText(DEFAULT_TABLE_MESSAGES.cursorRestarted)).toHaveAttribute(
      'role',
      'status',
    );
    rerender(<OpportunitiesTable items={ROWS} notice="Custom notice" now={FIXTURE_NOW} />);
    expect(screen.getByText('Custom notice')).toBeInTheDocument();
    rerender(<OpportunitiesTable items={ROWS} now={FIXTURE_NOW} />);
    expect(screen.queryByText('Custom notice')).toBeNull();
  });

  test('loading: a status message, busy table, paging disabled', () => {
    renderTable({ items: [], loading: true, hasNextPage: true });
    expect(screen.getByText('Loading opportunities')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(button('Next')).toBeDisabled();
  });

  test('empty: says so and offers Create opportunity', async () => {
    const { user, onCreate } = renderTable({ items: [] });
    expect(screen.getByText('No opportunities')).toBeInTheDocument();
    const creates = screen.getAllByRole('button', { name: 'Create opportunity' });
    await user.click(creates[1] as HTMLElement);
    expect(onCreate).toHaveBeenCalledOnce();
  });

  test('no match: says so and offers Clear filter', async () => {
    const onClearFilter = vi.fn();
    const { user } = renderTable({
      items: [],
      filteringActive: true,
      onClearFilter,
      filter: <input aria-label="Find" />,
    });
    expect(screen.getByRole('textbox', { name: 'Find' })).toBeInTheDocument();
    expect(screen.getByText('No matches')).toBeInTheDocument();
    await user.click(button('Clear filter'));
    expect(onClearFilter).toHaveBeenCalledOnce();
  });

  test('error: an alert with Retry', async () => {
    const onRetry = vi.fn();
    const { user } = renderTable({ error: true, onRetry });
    expect(screen.getByRole('alert')).toHaveTextContent('The opportunities could not be loaded.');
    await user.click(button('Retry'));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe('copy the Opportunity ID', () => {
  test('writes the id to the clipboard and announces "Copied"', async () => {
    const { user } = renderTable({ items: [BY_STATUS.active] });
    await user.click(button(`Copy Opportunity ID ${BY_STATUS.active.id}`));
    expect(await navigator.clipboard.readText()).toBe(BY_STATUS.active.id);
    expect(await screen.findByText('Copied')).toHaveAttribute('role', 'status');
  });

  test('announces a failure', async () => {
    const { user } = renderTable({ items: [BY_STATUS.active] });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(button(`Copy Opportunity ID ${BY_STATUS.active.id}`));
    expect(await screen.findByText('Could not copy')).toBeInTheDocument();
  });
});

test('renders the announcement page rows', () => {
  render(<OpportunitiesTable items={ANNOUNCEMENT_ROWS} now={FIXTURE_NOW} />);
  expect(screen.getAllByRole('row')).toHaveLength(ANNOUNCEMENT_ROWS.length + 1);
});
