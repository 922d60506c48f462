/** Runs inside Chromium: mounts OpportunitiesTable with n rows and times it. */
import { OpportunitiesTable, type Opportunity } from '@resale-kit/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const STATUSES = ['active', 'expired', 'restricted', 'complete'] as const;
const DURATIONS = ['single-use', 'specific-duration', 'no-set-duration'] as const;

function rows(n: number): Opportunity[] {
  return Array.from({ length: n }, (_, i) => {
    const hex = i.toString(16).padStart(12, '0');
    return {
      id: `9b0ef4b3-7e8f-45eb-8d00-${hex}`,
      isvId: '3f1c2a4e-0000-4000-8000-000000000001',
      name: `Enterprise renewal ${i} with a long name that the table cuts with an ellipsis`,
      description: i % 3 ? `Generated opportunity ${i}` : null,
      productId: '3f1c2a4e-0000-4000-8000-0000000000a1',
      productName: `Product ${i % 10} - Annual subscription`,
      resellerId: '3f1c2a4e-0000-4000-8000-0000000000b1',
      resellerName: `Reseller ${i % 20}`,
      discount: { type: 'percentage', percent: 1 + (i % 9900) / 100 },
      durationType: DURATIONS[i % 3] ?? 'no-set-duration',
      endDate: i % 3 === 2 ? null : '2026-09-30',
      restrictedAt: null,
      timesUsed: i % 7,
      createdAt: new Date(NOW.getTime() - i * 3_600_000).toISOString(),
      clonedFromId: null,
      status: STATUSES[i % 4] ?? 'active',
    };
  });
}

interface RenderResult {
  renderMs: number;
  frameMs: number;
  /** Data rows in the DOM (a virtualized table renders only those near the viewport). */
  rows: number;
  /** The table's aria-rowcount (rows + header), or null when every row is in the DOM. */
  rowCount: number | null;
  /** Jumps (scrollTo) through a virtualized table: from scrollTo to the target row laid out. */
  scrollMs: number[];
}

declare global {
  interface Window {
    renderTable(
      n: number,
      options?: { virtualize?: boolean | 'auto'; scrollJumps?: number },
    ): Promise<RenderResult>;
  }
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

window.renderTable = async (n, options = {}) => {
  const items = rows(n);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const t0 = performance.now();
  flushSync(() => {
    root.render(
      <OpportunitiesTable
        items={items}
        selectionType="multi"
        sorting={{ field: 'createdAt', direction: 'desc' }}
        totalCount={n}
        virtualize={options.virtualize}
      />,
    );
  });
  void document.body.offsetHeight; // style + layout of what was committed
  const renderMs = performance.now() - t0;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const frameMs = performance.now() - t0;
  const rendered = host.querySelectorAll('tbody tr.rk-row').length;
  const rowCount = host.querySelector('table')?.getAttribute('aria-rowcount');

  // Scroll jumps: the scroll event, the re-render in the next animation frame, and its layout.
  const scrollMs: number[] = [];
  const body = host.querySelector('tbody');
  for (let j = 0; body && j < (options.scrollJumps ?? 0); j++) {
    const target = 20 + Math.floor(((((j + 1) * 7919) % 97) / 97) * (n - 40)); // spread out
    const top = body.getBoundingClientRect().top + window.scrollY;
    const rowHeight = body.getBoundingClientRect().height / n;
    const s0 = performance.now();
    window.scrollTo(0, top + target * rowHeight);
    const selector = `tr[aria-rowindex="${target + 2}"]`;
    for (let f = 0; f < 30 && !body.querySelector(selector); f++) await nextFrame();
    if (!body.querySelector(selector)) throw new Error(`row ${target} never rendered`);
    void document.body.offsetHeight;
    scrollMs.push(performance.now() - s0);
    await nextFrame();
  }
  window.scrollTo(0, 0);
  root.unmount();
  host.remove();
  return {
    renderMs,
    frameMs,
    rows: rendered,
    rowCount: rowCount ? Number(rowCount) : null,
    scrollMs,
  };
};
