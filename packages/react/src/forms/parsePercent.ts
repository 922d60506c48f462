/**
 * A percent as typed, with a decimal point or a decimal comma ("12.5", "12,5", " 12 %"):
 * undefined when nothing was typed, NaN when it is not a number (core's rules then say so).
 */
export function parsePercent(typed: string): number | undefined {
  const text = typed.replace(/[\s%]/g, '').replace(',', '.');
  if (text === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}
