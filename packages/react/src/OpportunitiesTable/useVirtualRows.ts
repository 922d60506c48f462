import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** `virtualize: 'auto'` renders every row up to this many items, and a window above it. */
export const VIRTUALIZE_THRESHOLD = 100;
/**
 * Rows rendered beyond each edge of the viewport when the window moves (210 px of default
 * rows): the window follows the scroll in the same frame, so this only has to cover a frame's
 * scroll; it moves again when fewer than one spare row is left on a side.
 */
export const OVERSCAN = 5;
/**
 * Rows of the first render, before the table knows where it is (and all a server render
 * shows): a 1,000 px viewport's worth. The layout effect corrects it before the first paint
 * when it does not cover the rows in view.
 */
export const INITIAL_ROWS = 25;
/**
 * The height of a row in the default styles (`--rk-row-height`, 2.625rem): the rows are
 * measured after the first render, and again after a resize, in case a theme changed it.
 */
const ESTIMATED_ROW_HEIGHT = 42;

/** The rows to render, `start` included, `end` excluded, and the height of one row in px. */
export interface VirtualWindow {
  start: number;
  end: number;
  rowHeight: number;
}

// useLayoutEffect warns during server rendering in React 18; nothing is measured there anyway.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * The rows of `[from, to)` (px from the top of the first row) plus `OVERSCAN` on each side,
 * clamped to `[0, count)`. Off screen, `OVERSCAN` rows stay at the nearer edge.
 */
export function rowsInView(from: number, to: number, rowHeight: number, count: number) {
  const clamp = (n: number) => Math.min(count, Math.max(0, n));
  let start = clamp(Math.floor(from / rowHeight) - OVERSCAN);
  let end = clamp(Math.ceil(to / rowHeight) + OVERSCAN);
  if (end - start < OVERSCAN) {
    if (start >= count) start = Math.max(0, count - OVERSCAN);
    end = Math.min(count, Math.max(end, start + OVERSCAN));
  }
  return { start, end };
}

/**
 * The window to render for the viewport `[from, to)`: the current one while it still holds the
 * rows in view plus one on each side (so Tab finds the next row) and is not much larger than
 * needed, else `rowsInView`. A scroll then renders a new window every few rows, not every row.
 */
export function nextWindow(
  current: { start: number; end: number },
  from: number,
  to: number,
  rowHeight: number,
  count: number,
) {
  const ideal = rowsInView(from, to, rowHeight, count);
  const clamp = (n: number) => Math.min(count, Math.max(0, n));
  let first = clamp(Math.floor(from / rowHeight) - 1);
  let last = clamp(Math.ceil(to / rowHeight) + 1);
  // Nothing in view: the rows the ideal window keeps at the nearer edge must be there.
  if (first >= last) ({ start: first, end: last } = ideal);
  const start = Math.min(current.start, count);
  const end = Math.min(current.end, count);
  const holds = start <= first && end >= last;
  const small = end - start <= ideal.end - ideal.start + 2 * OVERSCAN;
  return holds && small ? current : ideal;
}

/** The average height of the rendered rows (`tr[aria-rowindex]`), or 0 when nothing is laid out. */
function measureRows(body: HTMLElement): number {
  const rows = body.querySelectorAll(':scope > tr[aria-rowindex]');
  let total = 0;
  for (const row of rows) total += row.getBoundingClientRect().height;
  return rows.length ? total / rows.length : 0;
}

/**
 * Row virtualization against the window (or `scrollContainer`): which of `count` rows, in a
 * `<tbody>` whose rows all have the same height, are in or near the viewport. Recomputed on any
 * scroll (a passive capture listener on window, so scrolling ancestors count too), on resize,
 * and when a spacer row comes into view without a scroll (a layout shift), at most once per
 * animation frame and rendered in that frame; the row height is measured from the rendered rows
 * on the first render and after every resize. Returns every row when disabled.
 */
export function useVirtualRows(options: {
  count: number;
  enabled: boolean;
  bodyRef: RefObject<HTMLElement | null>;
  scrollContainer?: RefObject<HTMLElement | null>;
}): VirtualWindow {
  const { count, enabled, bodyRef, scrollContainer } = options;
  const [win, setWin] = useState<VirtualWindow>({
    start: 0,
    end: INITIAL_ROWS,
    rowHeight: ESTIMATED_ROW_HEIGHT,
  });
  const latest = useRef({ count, rowHeight: win.rowHeight, measured: false });
  latest.current.count = count;

  const update = useCallback(() => {
    const body = bodyRef.current;
    if (!body) return;
    const state = latest.current;
    if (!state.measured) {
      const measured = measureRows(body);
      if (measured >= 1) {
        state.measured = true;
        state.rowHeight = measured;
      }
    }
    const top = body.getBoundingClientRect().top;
    let viewTop = 0;
    let viewBottom = window.innerHeight;
    const container = scrollContainer?.current;
    if (container) {
      const rect = container.getBoundingClientRect();
      viewTop = Math.max(viewTop, rect.top);
      viewBottom = Math.min(viewBottom, rect.bottom);
    }
    const { rowHeight, count } = state;
    const from = viewTop - top;
    const to = viewBottom - top;
    setWin((prev) => {
      // A new row height moves every row: a new window. Else keep the window if it will do.
      const next =
        prev.rowHeight === rowHeight
          ? nextWindow(prev, from, to, rowHeight, count)
          : rowsInView(from, to, rowHeight, count);
      return next === prev ||
        (prev.start === next.start && prev.end === next.end && prev.rowHeight === rowHeight)
        ? prev
        : { start: next.start, end: next.end, rowHeight };
    });
  }, [bodyRef, scrollContainer]);

  // Before the first paint, and whenever the rows change: where is the table now?
  useIsomorphicLayoutEffect(() => {
    if (enabled && count > 0) update();
  }, [enabled, count, update]);

  // At most one update per animation frame, rendered in that frame (before it paints).
  const frame = useRef(0);
  const schedule = useCallback(() => {
    frame.current ||= requestAnimationFrame(() => {
      frame.current = 0;
      flushSync(update);
    });
  }, [update]);

  useEffect(() => {
    if (!enabled) return;
    const onResize = () => {
      latest.current.measured = false;
      schedule();
    };
    const options = { capture: true, passive: true };
    window.addEventListener('scroll', schedule, options);
    window.addEventListener('resize', onResize, options);
    // Again once every ref is attached: a scroll container around the table is attached
    // after the table's layout effects ran.
    update();
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      window.removeEventListener('scroll', schedule, options);
      window.removeEventListener('resize', onResize, options);
    };
  }, [enabled, update, schedule]);

  // Content above the table that grows or shrinks moves the rows without a scroll: a spacer
  // coming into view says the window is out of date. Observed again whenever the spacers change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: win.start and win.end change the spacers observed
  useEffect(() => {
    const body = bodyRef.current;
    if (!enabled || !body || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) schedule();
      },
      { root: scrollContainer?.current ?? null },
    );
    for (const spacer of body.querySelectorAll(':scope > tr[aria-hidden]'))
      observer.observe(spacer);
    return () => observer.disconnect();
  }, [enabled, win.start, win.end, bodyRef, scrollContainer, schedule]);

  if (!enabled) return { start: 0, end: count, rowHeight: win.rowHeight };
  return {
    start: Math.min(win.start, count),
    end: Math.min(win.end, count),
    rowHeight: win.rowHeight,
  };
}
