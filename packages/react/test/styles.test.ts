/**
 * The stylesheet mirrors under dir="rtl" only if it never names a physical side: every margin,
 * padding, border, inset, size and alignment is logical (inline/block, start/end). The layout
 * scan checks the result in Chromium; this keeps new rules from reintroducing left/right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// jsdom's import.meta.url is not a file URL: resolve from the package (vitest's root).
const css = readFileSync(join(process.cwd(), 'src/styles.css'), 'utf8')
  // Comments may say "left/right" to explain why they are not used.
  .replace(/\/\*[\s\S]*?\*\//g, '');

const PHYSICAL = [
  /\b(margin|padding|border)-(left|right|top|bottom)\b/,
  /\b(border-(top|bottom)-(left|right)-radius)\b/,
  /(^|[\s;{])(left|right|top|bottom)\s*:/,
  /\btext-align\s*:\s*(left|right)\b/,
  /\bfloat\s*:\s*(left|right)\b/,
  /(^|[\s;{])(min-|max-)?(width|height)\s*:/,
];

describe('styles.css', () => {
  test('uses logical properties only', () => {
    const offending = css
      .split('\n')
      .map((line, i) => ({ line: line.trim(), n: i + 1 }))
      .filter(({ line }) => PHYSICAL.some((re) => re.test(line)));
    expect(offending).toEqual([]);
  });

  test('the check sees a physical property', () => {
    expect(PHYSICAL.some((re) => re.test('  margin-left: 1rem;'))).toBe(true);
    expect(PHYSICAL.some((re) => re.test('  width: 1px;'))).toBe(true);
    expect(PHYSICAL.some((re) => re.test('  margin-inline-start: 1rem;'))).toBe(false);
    expect(PHYSICAL.some((re) => re.test('  max-inline-size: 20rem;'))).toBe(false);
  });
});
