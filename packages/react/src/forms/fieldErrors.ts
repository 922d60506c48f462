import type { FieldIssue } from '@resale-kit/core';
import { useEffect, useMemo, useRef, useState } from 'react';

/** Messages per form field; issues no field shows are under 'form'. */
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string[]>>;

/**
 * The messages of client and server issues, grouped by the form field that shows them
 * (`fieldOf` maps an issue's path, e.g. 'productIds.1' or 'endDate', to a field), each message
 * once. Server issues of a field are dropped once the person edited that field (`edited`).
 */
export function groupIssues<F extends string>(
  issues: readonly FieldIssue[],
  fieldOf: (issueField: string) => F | 'form',
  message: (issue: FieldIssue) => string,
): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    const text = message(issue);
    const list = out[field] ?? [];
    if (!list.includes(text)) out[field] = [...list, text];
  }
  return out;
}

/**
 * The server's issues for a form, forgotten field by field as the person edits: an error the
 * server found stays next to its field until that field changes, then the client's live check
 * takes over. New issues from the server (a new array) show again in full.
 */
export function useServerIssues<F extends string>(
  issues: readonly FieldIssue[] | undefined,
  fieldOf: (issueField: string) => F | 'form',
): { visible: readonly FieldIssue[]; edited: (field: F) => void } {
  const [edited, setEdited] = useState<{ of: unknown; fields: ReadonlySet<F> }>({
    of: issues,
    fields: new Set(),
  });
  const fields = edited.of === issues ? edited.fields : new Set<F>();
  const visible = useMemo(
    () => (issues ?? []).filter((i) => !fields.has(fieldOf(i.field) as F)),
    [issues, fields, fieldOf],
  );
  return {
    visible,
    edited: (field) => {
      if (issues?.length && !fields.has(field))
        setEdited({ of: issues, fields: new Set([...fields, field]) });
    },
  };
}

/**
 * Moves focus to the form's first invalid control after each submit attempt and
 * each new set of server issues: the control itself, or the first control inside an invalid group.
 */
export function useFocusFirstInvalid(
  form: React.RefObject<HTMLElement | null>,
  attempts: number,
  serverIssues: unknown,
): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per trigger, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    const target = invalid.matches('input, select, textarea, button')
      ? invalid
      : invalid.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button');
    target?.focus();
  }, [attempts, serverIssues]);
}
