import { describe, expect, test } from 'vitest';
import { formatPercent, formatRelativeTime } from '../src/i18n/format.js';
import { pageWindow } from '../src/OpportunitiesTable/pageWindow.js';
import { nextSorting } from '../src/OpportunitiesTable/SortableHeader.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('formatRelativeTime', () => {
  test.each([
    [ago(10_000), 'en-US', '10 seconds ago'],
    [ago(5 * 60_000), 'en-US', '5 minutes ago'],
    [ago(3 * 3_600_000), 'en-US', '3 hours ago'],
    [ago(86_400_000), 'en-US', 'yesterday'],
    [ago(97 * 86_400_000), 'en-US', '3 months ago'],
    [ago(800 * 86_400_000), 'en-US', '2 years ago'],
    [new Date(NOW.getTime() + 2 * 86_400_000), 'en-US', 'in 2 days'],
    [ago(97 * 86_400_000), 'ja-JP', '3 か月前'],
  ])('%s in %s -> %s', (instant, locale, text) => {
    expect(formatRelativeTime(instant, NOW, locale)).toBe(text);
  });
});

test('formatPercent uses the locale', () => {
  expect(formatPercent(12.5, 'en-US')).toBe('12.5%');
  expect(formatPercent(12, 'de-DE')).toBe('12\u00a0%');
});

test('pageWindow: first, last, neighbours and gaps', () => {
  expect(pageWindow(1, 1)).toEqual([1]);
  expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
  expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
});

test('nextSorting: a new field starts ascending, the same field flips', () => {
  expect(nextSorting(null, 'name')).toEqual({ field: 'name', direction: 'asc' });
  expect(nextSorting({ field: 'name', direction: 'asc' }, 'name')).toEqual({
    field: 'name',
    direction: 'desc',
  });
  expect(nextSorting({ field: 'name', direction: 'desc' }, 'id')).toEqual({
    field: 'id',
    direction: 'asc',
  });
});
