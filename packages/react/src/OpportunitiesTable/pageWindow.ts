/**
 * The page numbers to show around `current` out of `count`: the first, the last, and the
 * neighbours of the current page, with `null` where pages are skipped: 1 … 4 5 6 … 20.
 */
export function pageWindow(current: number, count: number, neighbours = 1): (number | null)[] {
  const pages: (number | null)[] = [];
  let last = 0;
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= neighbours) {
      if (p - last > 1) pages.push(null);
      pages.push(p);
      last = p;
    }
  }
  return pages;
}
