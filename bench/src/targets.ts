/**
 * Targets as ratios to a baseline measured in the same run, on the same machine, minutes apart.
 * An absolute bound (5 ms, 1,000/s) passes on one machine and misses on the next with the same
 * code; a ratio to a baseline that slows down with the machine does not. Every target is printed
 * on one line with its figure, its baseline and the bound they give.
 */
import { fmt } from './report.js';

export interface Target {
  /** The benchmark it belongs to (list, summary, offers, components, newcomer). */
  area: string;
  /** What is judged, e.g. "first page: Node side". */
  name: string;
  /** The figure, its label (e.g. "Store p50") and unit. */
  figure: number;
  figureLabel: string;
  /** The baseline and its label (e.g. "SQL p50"), measured in the same run. */
  baseline: number;
  baselineLabel: string;
  /** figure <= factor x baseline (+ plus), or >= when `atLeast`. */
  factor: number;
  plus?: { value: number; label: string };
  atLeast?: boolean;
  unit: string;
  bound: number;
  pass: boolean;
}

export type TargetInput = Omit<Target, 'bound' | 'pass'>;

export function target(t: TargetInput): Target {
  const bound = t.factor * t.baseline + (t.plus?.value ?? 0);
  const pass = Number.isFinite(t.figure) && (t.atLeast ? t.figure >= bound : t.figure <= bound);
  return { ...t, bound, pass };
}

const num = (x: number, unit: string) =>
  unit === '/s' ? `${fmt(x, 0)}/s` : `${fmt(x, x >= 100 ? 0 : 2)} ${unit}`;

/** "PASS list · first page: Node side: Store p50 2.10 ms <= 1.25 x SQL p50 1.80 ms = 2.25 ms" */
export function targetLine(t: Target): string {
  const op = t.atLeast ? '>=' : '<=';
  const plus = t.plus ? ` + ${t.plus.label} ${num(t.plus.value, t.unit)}` : '';
  const ratio = t.baseline > 0 && !t.plus ? ` (${fmt(t.figure / t.baseline)}x)` : '';
  return `${t.pass ? 'PASS' : 'MISS'}  ${t.area} · ${t.name}: ${t.figureLabel} ${num(t.figure, t.unit)} ${op} ${t.factor} x ${t.baselineLabel} ${num(t.baseline, t.unit)}${plus} = ${num(t.bound, t.unit)}${ratio}`;
}

/** The markdown list of targets a results file ends with. */
export function targetsMarkdown(targets: Target[]): string {
  const pass = targets.filter((t) => t.pass).length;
  return [
    `Targets, each against a baseline of this run (${pass} PASS, ${targets.length - pass} MISS):`,
    '',
    ...targets.map((t) => `- ${targetLine(t).replace(/^(PASS|MISS)/, '**$1**')}`),
  ].join('\n');
}

export function printTargets(targets: Target[]): void {
  for (const t of targets) process.stdout.write(`${targetLine(t)}\n`);
}
