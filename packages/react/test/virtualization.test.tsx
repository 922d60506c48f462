/**
 * Row virtualization. jsdom has no layout: getBoundingClientRect and innerHeight are mocked
 * as a browser would report them for a table whose body starts TABLE_TOP px below the top of
 * the page, with rows of `rowHeight` px (42, the default styles), in a `viewport` px tall
 * window scrolled by `scrollY`.
 */
import type { Opportunity } from '@resale-kit/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FIXTURE_NOW, manyRows } from '../src/fixtures/opportunities.js';
import { OpportunitiesTable, type OpportunitiesTableProps } from '../src/index.js';
import {
  INITIAL_ROWS,
  nextWindow,
  OVERSCAN,
  rowsInView,
  VIRTUALIZE_THRESHOLD,
} from '../src/OpportunitiesTable/useVirtualRows.js';

const ROWS = manyRows(1000);
const TABLE_TOP = 200;
const ROW = 42;

const layout = {
  scrollY: 0,
  rowHeight: ROW,
  viewport: 800,
  container: null as null | { top: number; bottom: number },
};

function rect(top: number, height: number): DOMRect {
  return {
    top,
    bottom: top + height,
    height,
    left: 0,
    right: 1000,
    width: 1000,
    x: 0,
    y: top,
    toJSON: () => ({}),
  };
}

beforeEach(() => {
  layout.scrollY = 0;
  layout.rowHeight = ROW;
  layout.viewport = 800;
  layout.container = null;
  vi.spyOn(window, 'innerHeight', 'get').mockImplementation(() => layout.viewport);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.tagName === 'TBODY') return rect(TABLE_TOP - layout.scrollY, 0);
    if (this.tagName === 'TR') return rect(0, layout.rowHeight);
    if (this.id === 'scroller' && layout.container) {
      return rect(layout.container.top, layout.container.bottom - layout.container.top);
    }
    return rect(0, 0);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function renderTable(props: Partial<OpportunitiesTableProps> = {}) {
  const user = userEvent.setup();
  const onSelectionChange = vi.fn();
  const onDeactivate = vi.fn();
  const view = render(
    <OpportunitiesTable
      items={ROWS}
      totalCount={ROWS.length}
      selectionType="multi"
      now={FIXTURE_NOW}
      onSelectionChange={onSelectionChange}
      onDeactivate={onDeactivate}
      {...props}
    />,
  );
  return { user, onSelectionChange, onDeactivate, ...view };
}

const body = () => document.querySelector('tbody') as HTMLTableSectionElement;
/** The aria-rowindex of every rendered data row, in DOM order. */
const rowIndexes = () =>
  [...body().querySelectorAll('tr.rk-row')].map((r) => Number(r.getAttribute('aria-rowindex')));
/** The spacer rows' heights in px, in DOM order. */
const spacers = () =>
  [...body().querySelectorAll<HTMLElement>('tr.rk-spacer')].map((r) => {
    expect(r).toHaveAttribute('aria-hidden', 'true');
    return Number.parseFloat((r.firstElementChild as HTMLElement).style.height);
  });
/** The table in a panel that scrolls (its rectangle comes from `layout.container`). */
function InPanel() {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div id="scroller" ref={ref}>
      <OpportunitiesTable items={ROWS} now={FIXTURE_NOW} scrollContainer={ref} />
    </div>
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const checkbox = (o: Opportunity) =>
  screen.queryByRole('checkbox', { name: `Select ${o.name}` }) as HTMLInputElement | null;

/** Scrolls the window (or the container) and lets the animation frame render. */
async function scrollTo(y: number, target: Element | Window = window) {
  layout.scrollY = y;
  fireEvent.scroll(target);
  await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
}

/**
 * The window the table moves to for `scrollY`: the rows in view plus OVERSCAN on each side
 * (0-based, end excluded).
 */
function idealWindow(scrollY: number, rowHeight = ROW, bottom = layout.viewport) {
  const from = scrollY - TABLE_TOP;
  const start = Math.max(0, Math.floor(from / rowHeight) - OVERSCAN);
  const end = Math.min(ROWS.length, Math.ceil((from + bottom) / rowHeight) + OVERSCAN);
  return { start, end };
}

describe('windowing', () => {
  test('the first render keeps its INITIAL_ROWS rows when they cover the viewport', () => {
    renderTable();
    // (800 - 200) / 42: 15 rows in view, 25 rendered, a spacer for the other 975.
    expect(rowIndexes()).toEqual(range(2, INITIAL_ROWS + 2));
    expect(spacers()).toEqual([(ROWS.length - INITIAL_ROWS) * ROW]);
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(
      ROWS.slice(0, INITIAL_ROWS).map((o) => o.name),
    );
  });

  test('a taller viewport: the rows in view plus OVERSCAN', () => {
    layout.viewport = 1600;
    renderTable();
    const { end } = idealWindow(0);
    expect(end).toBe(34 + OVERSCAN); // (1600 - 200) / 42 rows in view
    expect(rowIndexes()).toEqual(range(2, end + 2));
    expect(spacers()).toEqual([(ROWS.length - end) * ROW]);
  });

  test('scrolling renders the rows now in view, with a spacer above and below', async () => {
    renderTable();
    await scrollTo(10_000);
    const { start, end } = idealWindow(10_000);
    expect(start).toBe(233 - OVERSCAN); // (10,000 - 200) / 42 rows above the viewport
    expect(rowIndexes()).toEqual(range(start + 2, end + 2));
    expect(spacers()).toEqual([start * ROW, (ROWS.length - end) * ROW]);
    expect(checkbox(ROWS[0] as Opportunity)).toBeNull();
    const cell = screen.getByRole('rowheader', { name: ROWS[240]?.name });
    expect(cell.closest('tr')).toHaveAttribute('aria-rowindex', '242');
    // To the end: the last rows, and no spacer below.
    await scrollTo(42_000);
    expect(rowIndexes().at(-1)).toBe(ROWS.length + 1);
    expect(spacers()).toHaveLength(1);
  });

  test('the window stays while a spare row is left on each side, then moves on', async () => {
    renderTable();
    await scrollTo(10_000);
    const moved = idealWindow(10_000);
    // 4 rows further (within the 5 spare rows), the same rows.
    await scrollTo(10_000 + 4 * ROW);
    expect(rowIndexes()).toEqual(range(moved.start + 2, moved.end + 2));
    // 5 rows further: the last spare row is in view, so the window moves.
    await scrollTo(10_000 + 5 * ROW);
    const next = idealWindow(10_000 + 5 * ROW);
    expect(next.end).toBeGreaterThan(moved.end);
    expect(rowIndexes()).toEqual(range(next.start + 2, next.end + 2));
  });

  test('the table announces all rows: aria-rowcount, aria-rowindex on the header and each row', async () => {
    renderTable();
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', String(ROWS.length + 1));
    expect(screen.getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    await scrollTo(20_000);
    // Every rendered row carries its position in the whole page, not in the DOM.
    for (const row of body().querySelectorAll('tr.rk-row')) {
      const index = Number(row.getAttribute('aria-rowindex')) - 2;
      expect(within(row as HTMLElement).getByRole('rowheader')).toHaveTextContent(
        ROWS[index]?.name ?? '-',
      );
    }
    expect(rowIndexes()[0]).toBe(idealWindow(20_000).start + 2);
  });

  test('the row height is measured from the rendered rows', () => {
    layout.rowHeight = 50;
    renderTable();
    const { end } = idealWindow(0, 50);
    expect(rowIndexes()).toEqual(range(2, end + 2));
    expect(spacers()).toEqual([(ROWS.length - end) * 50]);
  });

  test('a resize measures again', async () => {
    renderTable();
    expect(spacers()).toEqual([(ROWS.length - INITIAL_ROWS) * ROW]);
    layout.rowHeight = 32;
    fireEvent(window, new Event('resize'));
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const { end } = idealWindow(0, 32);
    expect(rowIndexes()).toEqual(range(2, end + 2));
    expect(spacers()).toEqual([(ROWS.length - end) * 32]);
  });

  test('a scroll container limits the window to what it shows, and its scroll moves it', async () => {
    layout.container = { top: 100, bottom: 500 };
    render(<InPanel />);
    // Rows from the body's top (200) to the panel's bottom (500): 300 px, 8 rows.
    expect(rowIndexes()).toEqual(range(2, 8 + OVERSCAN + 2));
    await scrollTo(4_000, document.getElementById('scroller') as HTMLElement);
    // In view: 4000 - 200 + 100 = 3900 px .. 4300 px from the first row: rows 92 to 102.
    expect(rowIndexes()).toEqual(range(92 - OVERSCAN + 2, 103 + OVERSCAN + 2));
  });

  test('a layout shift that brings a spacer into view moves the window, with no scroll', async () => {
    // jsdom has no IntersectionObserver: this one records what is observed and reports on demand.
    const observers: { report: IntersectionObserverCallback; targets: Set<Element> }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        private readonly entry: (typeof observers)[number];
        constructor(report: IntersectionObserverCallback) {
          this.entry = { report, targets: new Set() };
          observers.push(this.entry);
        }
        observe(target: Element) {
          this.entry.targets.add(target);
        }
        disconnect() {
          this.entry.targets.clear();
        }
      },
    );
    renderTable();
    const before = rowIndexes();
    // Content above the table collapses: the rows move up by 4,000 px, and nothing scrolls.
    layout.scrollY = 4_000;
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(rowIndexes()).toEqual(before);
    const spacer = body().querySelector('tr.rk-spacer') as Element;
    const live = observers.filter((o) => o.targets.has(spacer));
    expect(live).toHaveLength(1);
    const entry = { target: spacer, isIntersecting: true } as IntersectionObserverEntry;
    act(() => live[0]?.report([entry], {} as IntersectionObserver));
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const { start, end } = idealWindow(4_000);
    expect(rowIndexes()).toEqual(range(start + 2, end + 2));
  });

  test('fewer items while scrolled far down: the window follows the new rows', async () => {
    const { rerender } = renderTable();
    await scrollTo(30_000);
    const fewer = ROWS.slice(0, 150);
    rerender(<OpportunitiesTable items={fewer} now={FIXTURE_NOW} />);
    // The page is now 150 rows tall, all above the viewport: the window is its last rows.
    expect(rowIndexes()).toEqual(range(150 - OVERSCAN + 2, 152));
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '151');
  });
});

describe('the threshold and the prop', () => {
  test(`'auto' renders every row up to ${VIRTUALIZE_THRESHOLD} items, with no aria-rowcount`, () => {
    renderTable({ items: ROWS.slice(0, VIRTUALIZE_THRESHOLD) });
    expect(body().querySelectorAll('tr.rk-row')).toHaveLength(VIRTUALIZE_THRESHOLD);
    expect(spacers()).toEqual([]);
    expect(screen.getByRole('table')).not.toHaveAttribute('aria-rowcount');
    expect(body().querySelector('[aria-rowindex]')).toBeNull();
  });

  test(`'auto' virtualizes from ${VIRTUALIZE_THRESHOLD + 1} items`, () => {
    renderTable({ items: ROWS.slice(0, VIRTUALIZE_THRESHOLD + 1) });
    expect(screen.getByRole('table')).toHaveAttribute(
      'aria-rowcount',
      String(VIRTUALIZE_THRESHOLD + 2),
    );
    expect(rowIndexes()).toEqual(range(2, INITIAL_ROWS + 2));
  });

  test('virtualize={false} renders all rows; virtualize on a short page renders them all too', () => {
    const { unmount } = renderTable({ virtualize: false });
    expect(body().querySelectorAll('tr.rk-row')).toHaveLength(ROWS.length);
    expect(screen.getByRole('table')).not.toHaveAttribute('aria-rowcount');
    unmount();
    renderTable({ items: ROWS.slice(0, 10), virtualize: true });
    expect(rowIndexes()).toEqual(range(2, 12));
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '11');
  });

  test('states (loading, empty) are not virtualized', () => {
    renderTable({ items: [], loading: true });
    expect(screen.getByRole('table')).not.toHaveAttribute('aria-rowcount');
    expect(spacers()).toEqual([]);
  });
});

describe('selection and focus outside the window', () => {
  test('a selected row scrolled out stays selected, counted and acted on', async () => {
    const first = ROWS[0] as Opportunity;
    const { user, onDeactivate } = renderTable();
    await user.click(checkbox(first) as HTMLInputElement);
    // Focus leaves the row (a click elsewhere), then the row scrolls out and unmounts.
    await user.click(screen.getByRole('heading', { name: 'Opportunities (1/1,000)' }));
    await scrollTo(10_000);
    expect(checkbox(first)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Opportunities (1/1,000)' })).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Select all opportunities on this page' }),
    ).toHaveProperty('indeterminate', true);
    // Selecting another row adds to it; the action gets both.
    const other = ROWS[250] as Opportunity;
    await user.click(checkbox(other) as HTMLInputElement);
    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    expect(onDeactivate).toHaveBeenCalledWith([first, other]);
    await scrollTo(0);
    expect(checkbox(first)).toBeChecked();
  });

  test('select all selects every item, rendered or not', async () => {
    const { user, onSelectionChange } = renderTable();
    await user.click(
      screen.getByRole('checkbox', { name: 'Select all opportunities on this page' }),
    );
    expect(onSelectionChange).toHaveBeenLastCalledWith({ selectedItems: ROWS });
    expect(
      screen.getByRole('heading', { name: 'Opportunities (1,000/1,000)' }),
    ).toBeInTheDocument();
  });

  test('the row holding the focus stays mounted, in its place, while the window moves on', async () => {
    const focused = ROWS[3] as Opportunity;
    const { user } = renderTable();
    await user.click(checkbox(focused) as HTMLInputElement);
    expect(checkbox(focused)).toHaveFocus();
    await scrollTo(10_000);
    const { start, end } = idealWindow(10_000);
    expect(checkbox(focused)).toHaveFocus();
    // It stays, with its neighbours, so Tab and Shift+Tab reach the rows next to it.
    expect(rowIndexes()).toEqual([4, 5, 6, ...range(start + 2, end + 2)]);
    // Spacers around them keep every row where it belongs: 2 rows above, the rest between.
    expect(spacers()).toEqual([2 * ROW, (start - 5) * ROW, (ROWS.length - end) * ROW]);
    // Tab within the row keeps it; focus leaving the rows lets it go.
    await user.tab();
    expect(screen.getByRole('button', { name: `Copy Opportunity ID ${focused.id}` })).toHaveFocus();
    await scrollTo(20_000);
    expect(checkbox(focused)).not.toBeNull();
    act(() => screen.getByRole('region').focus());
    await waitFor(() => expect(checkbox(focused)).toBeNull());
    const later = idealWindow(20_000);
    expect(rowIndexes()).toEqual(range(later.start + 2, later.end + 2));
  });

  test('Tab from a focused row scrolled out of the window goes on to the next row of the page', async () => {
    const { user } = renderTable();
    await user.click(checkbox(ROWS[3] as Opportunity) as HTMLInputElement);
    await scrollTo(10_000);
    await user.tab(); // the row's copy button
    await user.tab(); // the next row, not the window's first row
    expect(checkbox(ROWS[4] as Opportunity)).toHaveFocus();
    // Now that row holds the focus: it and its neighbours are kept, row 3 still as one of them.
    expect(rowIndexes().slice(0, 3)).toEqual([5, 6, 7]);
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(checkbox(ROWS[3] as Opportunity)).toHaveFocus();
  });

  test('single selection keeps the checked radio rendered, so Tab into the group finds it', async () => {
    const chosen = ROWS[2] as Opportunity;
    const { user } = renderTable({ selectionType: 'single' });
    await user.click(screen.getByRole('radio', { name: `Select ${chosen.name}` }));
    act(() => screen.getByRole('button', { name: 'Deactivate' }).focus());
    await scrollTo(10_000);
    const radio = screen.getByRole('radio', { name: `Select ${chosen.name}` });
    expect(radio).toBeChecked();
    expect(radio.closest('tr')).toHaveAttribute('aria-rowindex', '4');
    expect(screen.queryByRole('radio', { name: `Select ${ROWS[1]?.name}` })).toBeNull();
  });
});

describe('nextWindow', () => {
  test('keeps a window that holds the rows in view plus one on each side', () => {
    const current = { start: 5, end: 35 };
    expect(nextWindow(current, 10 * 40, 20 * 40, 40, 1000)).toBe(current);
  });
  test('moves when a side has no spare row left, to the rows in view plus OVERSCAN', () => {
    const current = { start: 5, end: 35 };
    // Rows 20 to 33 in view, 34 spare: still good. Row 34 in view too: none spare, so it moves.
    expect(nextWindow(current, 20 * 40, 34 * 40, 40, 1000)).toBe(current);
    expect(nextWindow(current, 21 * 40, 35 * 40, 40, 1000)).toEqual({
      start: 21 - OVERSCAN,
      end: 35 + OVERSCAN,
    });
  });
  test('moves when it is much larger than needed', () => {
    const current = { start: 0, end: 100 };
    expect(nextWindow(current, 10 * 40, 20 * 40, 40, 1000)).toEqual(
      rowsInView(10 * 40, 20 * 40, 40, 1000),
    );
  });
  test('off screen: an empty window is not enough, the edge rows are', () => {
    expect(nextWindow({ start: 150, end: 150 }, 50_000, 50_800, 40, 150)).toEqual({
      start: 150 - OVERSCAN,
      end: 150,
    });
  });
});

describe('rowsInView', () => {
  test('in view: the rows crossed plus OVERSCAN on each side', () => {
    expect(rowsInView(400, 800, 40, 1000)).toEqual({ start: 10 - OVERSCAN, end: 20 + OVERSCAN });
  });
  test('below the viewport: OVERSCAN rows at the top; above it: OVERSCAN rows at the end', () => {
    expect(rowsInView(-2000, -1200, 40, 1000)).toEqual({ start: 0, end: OVERSCAN });
    expect(rowsInView(50_000, 50_800, 40, 1000)).toEqual({ start: 1000 - OVERSCAN, end: 1000 });
  });
  test('never past the rows there are', () => {
    expect(rowsInView(0, 800, 40, 5)).toEqual({ start: 0, end: 5 });
    expect(rowsInView(0, 800, 40, 0)).toEqual({ start: 0, end: 0 });
  });
});

test('columns lay out from a <colgroup>: the definitions widths, 10rem by default', () => {
  const { unmount } = renderTable({ items: ROWS.slice(0, 3) });
  const cols = [...document.querySelectorAll('colgroup col')] as HTMLElement[];
  expect(cols).toHaveLength(9);
  expect(cols[0]).toHaveClass('rk-select-col');
  expect(cols.slice(1).map((c) => c.style.width)).toEqual([
    '13rem',
    '12rem',
    '9.5rem',
    '8rem',
    '8rem',
    '10rem',
    '10rem',
    '7.5rem',
  ]);
  unmount();
  render(
    <OpportunitiesTable
      items={ROWS.slice(0, 3)}
      columnDefinitions={[
        { id: 'a', header: 'A', cell: (o) => o.name, width: '20%' },
        { id: 'b', header: 'B', cell: (o) => o.id },
      ]}
    />,
  );
  expect(
    [...document.querySelectorAll<HTMLElement>('colgroup col')].map((c) => c.style.width),
  ).toEqual(['20%', '10rem']);
});
