/**
 * Validation issues as data: a field path, a stable code and the numbers the rule used. Core
 * never words an issue for a person: `describeIssue` gives the API's terse English, and a UI
 * turns codes into its own language (the React kit's i18n does).
 */
export const ISSUE_CODES = [
  /** Missing, or empty after trimming. */
  'required',
  /** Not the kind of value expected. params: { expected } */
  'invalid_type',
  /** A number that must be whole. */
  'not_integer',
  /** Text that does not have the required shape. params: { format } (uuid, instant, date...) */
  'invalid_format',
  /** Not one of the allowed values. params: { allowed } ('a|b|c') */
  'invalid_value',
  /** Text shorter / longer than allowed, in Unicode code points. params: { minimum | maximum } */
  'too_short',
  'too_long',
  /** A list with too few / too many entries. params: { minimum | maximum } */
  'too_few',
  'too_many',
  /** A number below / above its bound. params: { minimum | maximum, inclusive (1 or 0) } */
  'too_small',
  'too_big',
  /** More decimal places than allowed. params: { maximum } */
  'too_many_decimals',
  /** A list that names the same value twice. */
  'not_unique',
  /** Not a real calendar date ('2026-02-30'). */
  'not_calendar_date',
  /** A date before today (UTC). params: { today } */
  'date_in_past',
  /** The end date the duration type requires / forbids. params: { durationType } */
  'end_date_required',
  'end_date_not_allowed',
  /** A referenced record that does not exist for this caller (another tenant's looks the same). */
  'not_found',
  /** A reseller the ISV does not work with (never linked, or unlinked). */
  'not_partner',
  /** An archived product: it takes no new opportunities. */
  'archived',
  /** A value another record of the organization already holds (a product's externalId). */
  'already_exists',
  /** Would leave the organization without an admin. */
  'last_admin',
  /** An instant that must be in the future (a key's expiry). params: { now } */
  'not_in_future',
  /**
   * Text with a character no stored text may hold: NUL (U+0000), which Postgres text refuses,
   * or an unpaired UTF-16 surrogate, which is not a character at all (never silently replaced).
   */
  'invalid_characters',
  /** An instant or date whose year is outside 1..9999 (what Postgres and ISO 8601 both take). */
  'year_out_of_range',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Readonly<Record<string, string | number>>;

/** A validation problem: its field path ('endDate', 'discount.percent', 'productIds.1'). */
export interface FieldIssue {
  field: string;
  code: IssueCode;
  params?: IssueParams;
}

export const isIssueCode = (value: unknown): value is IssueCode =>
  (ISSUE_CODES as readonly unknown[]).includes(value);

/**
 * A zod `error` option for core's schemas: a missing value is `required`; anything else keeps
 * zod's native issue (with its bound), which `toFieldIssue` maps to a code.
 */
export const requiredWhenMissing = (iss: { input?: unknown }): 'required' | undefined =>
  iss.input === undefined || iss.input === null ? 'required' : undefined;

export function fieldIssue(field: string, code: IssueCode, params?: IssueParams): FieldIssue {
  return params ? { field, code, params } : { field, code };
}

/** What core needs of a zod issue (zod's own, or the one a standard-schema validator reports). */
interface RawIssue {
  code?: string;
  message?: string;
  path?: readonly unknown[];
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  params?: Record<string, unknown>;
}

const pathOf = (path: readonly unknown[] | undefined): string => {
  const parts = (path ?? []).map((p) =>
    typeof p === 'object' && p !== null && 'key' in p ? String(p.key) : String(p),
  );
  return parts.length ? parts.join('.') : '(input)';
};

const num = (n: number | bigint | undefined): number => Number(n ?? 0);

/** zod's native issue kinds as core's codes, with the bound they broke. */
function nativeIssue(i: RawIssue): Pick<FieldIssue, 'code' | 'params'> {
  const bySize = (codes: [string: IssueCode, list: IssueCode, other: IssueCode]): IssueCode =>
    i.origin === 'string'
      ? codes[0]
      : i.origin === 'array' || i.origin === 'set'
        ? codes[1]
        : codes[2];
  switch (i.code) {
    case 'too_small': {
      const code = bySize(['too_short', 'too_few', 'too_small']);
      if (code === 'too_short' && num(i.minimum) <= 1) return { code: 'required' };
      return code === 'too_small'
        ? { code, params: { minimum: num(i.minimum), inclusive: i.inclusive === false ? 0 : 1 } }
        : { code, params: { minimum: num(i.minimum) } };
    }
    case 'too_big': {
      const code = bySize(['too_long', 'too_many', 'too_big']);
      return code === 'too_big'
        ? { code, params: { maximum: num(i.maximum), inclusive: i.inclusive === false ? 0 : 1 } }
        : { code, params: { maximum: num(i.maximum) } };
    }
    case 'invalid_type':
      return i.expected === 'int'
        ? { code: 'not_integer' }
        : { code: 'invalid_type', params: { expected: String(i.expected ?? 'value') } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: String(i.format ?? 'text') } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { allowed: (i.values ?? []).map(String).join('|') } };
    default:
      return { code: 'invalid_value' };
  }
}

/**
 * Core's schemas name their rules three ways, read in this order: a custom rule's
 * `params.code` (with its other params), an error message that is itself a code (for rules
 * zod has a native issue for, e.g. `{ error: 'required' }` on a missing value), or zod's
 * native issue kind (too_small, invalid_format...) with its bounds.
 */
export function toFieldIssue(raw: RawIssue): FieldIssue {
  const field = pathOf(raw.path);
  const { code: custom, ...rest } = raw.params ?? {};
  if (isIssueCode(custom)) {
    const params = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
    ) as IssueParams;
    return fieldIssue(field, custom, Object.keys(params).length ? params : undefined);
  }
  if (isIssueCode(raw.message)) return fieldIssue(field, raw.message);
  const { code, params } = nativeIssue(raw);
  return fieldIssue(field, code, params);
}

/** Turns the issues of a zod (or standard-schema) error into field issues. */
export function toFieldIssues(error: { issues: readonly RawIssue[] }): FieldIssue[] {
  return error.issues.map(toFieldIssue);
}

const ENGLISH: Record<IssueCode, (p: IssueParams) => string> = {
  required: () => 'is required',
  invalid_type: (p) =>
    `must be ${p.expected === 'array' ? 'a list' : `a ${p.expected ?? 'value'}`}`,
  not_integer: () => 'must be a whole number',
  invalid_format: (p) => `is not a valid ${FORMAT_NAMES[String(p.format)] ?? String(p.format)}`,
  invalid_value: (p) => (p.allowed ? `must be one of ${p.allowed}` : 'is not an allowed value'),
  too_short: (p) => `must be at least ${p.minimum} characters`,
  too_long: (p) => `must be at most ${p.maximum} characters`,
  too_few: (p) => `must name at least ${p.minimum}`,
  too_many: (p) => `may name at most ${p.maximum}`,
  too_small: (p) => `must be ${p.inclusive === 0 ? 'greater than' : 'at least'} ${p.minimum}`,
  too_big: (p) => `must be ${p.inclusive === 0 ? 'less than' : 'at most'} ${p.maximum}`,
  too_many_decimals: (p) => `may have at most ${p.maximum} decimals`,
  not_unique: () => 'must not repeat a value',
  not_calendar_date: () => 'must be a real calendar date written YYYY-MM-DD',
  date_in_past: (p) => `must not be in the past (today is ${p.today} UTC)`,
  end_date_required: () => 'is required for a specific time duration',
  end_date_not_allowed: () => 'must be empty for no set time duration',
  not_found: () => 'names a record that does not exist',
  not_partner: () => 'names a reseller you do not work with',
  archived: () => 'names an archived product',
  already_exists: () => 'is already used by another record of your organization',
  last_admin: () => 'would leave the organization without an admin',
  not_in_future: (p) => `must be in the future (now is ${p.now})`,
  invalid_characters: () =>
    'must not contain NUL (U+0000) or an unpaired UTF-16 surrogate (text must be well-formed)',
  year_out_of_range: (p) => `must have a year from ${p.minimum} to ${p.maximum}`,
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'UUID',
  datetime: 'ISO 8601 instant',
  date: 'date written YYYY-MM-DD',
  aws_account_id: '12-digit AWS account id',
  regex: 'value',
};

/** The API's terse English for an issue, naming the field: 'name is required'. */
export function describeIssue(issue: FieldIssue): string {
  return `${issue.field} ${ENGLISH[issue.code](issue.params ?? {})}`;
}

/** Groups issues by field as English messages: the API's `fieldErrors`, for people reading JSON. */
export function fieldErrors(issues: readonly FieldIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues)
    out[issue.field] = [...(out[issue.field] ?? []), describeIssue(issue)];
  return out;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };
