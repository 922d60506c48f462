import type { FieldIssue } from '@resale-kit/core';

/**
 * Words for core's validation issues ({ field, code, params }): what a person should do, never
 * the internal field name. Shared by every form of the kit.
 */
export interface ValidationMessages {
  /** The sentence shown under a field, and in the error summary, for one issue. */
  issue: (issue: FieldIssue) => string;
  /** The error summary's heading: "Fix 3 problems to continue". */
  summaryTitle: (count: number) => string;
}

const percentBound = (n: unknown) => `${n}%`;

/** The field an issue belongs to, without list positions: 'productIds.1' -> 'productIds'. */
export const issueHead = (field: string): string => field.split('.')[0] ?? field;

function englishIssue(issue: FieldIssue): string {
  const p = issue.params ?? {};
  const head = issueHead(issue.field);
  switch (head) {
    case 'name':
      return issue.code === 'too_long'
        ? `Shorten the name to ${p.maximum} characters or fewer`
        : 'Enter a name';
    case 'description':
      return `Shorten the description to ${p.maximum ?? 255} characters or fewer`;
    case 'productIds':
    case 'resellerIds': {
      const what = head === 'productIds' ? 'product' : 'reseller';
      if (issue.code === 'too_many') return `Choose at most ${p.maximum} ${what}s`;
      if (issue.code === 'not_found') return `One of the ${what}s no longer exists: choose again`;
      if (issue.code === 'not_partner') return 'One of the resellers is not your partner';
      return `Choose at least one ${what}`;
    }
    case 'discount':
      if (issue.code === 'required') return 'Enter a discount';
      if (issue.code === 'too_many_decimals')
        return `Use at most ${p.maximum} decimals for the discount`;
      return `Discount must be between 0.01% and ${percentBound(100)}`;
    case 'endDate':
    case 'durationType':
      switch (issue.code) {
        case 'end_date_required':
          return 'Pick an end date: a specific time duration needs one';
        case 'end_date_not_allowed':
          return 'Remove the end date: no set time duration has none';
        case 'date_in_past':
          return `Pick an end date of today (${p.today}) or later`;
        case 'not_calendar_date':
          return 'Enter a real date, like 2026-12-31';
        default:
          return 'Choose how long the opportunity lasts';
      }
    case 'buyerAccountId':
      return issue.code === 'required'
        ? "Enter the buyer's AWS account ID"
        : "Enter the buyer's 12-digit AWS account ID";
    default:
      return issue.code === 'required' ? 'Fill in this field' : 'Check this value';
  }
}

export const DEFAULT_VALIDATION_MESSAGES: ValidationMessages = {
  issue: englishIssue,
  summaryTitle: (count) =>
    count === 1 ? 'Fix 1 problem to continue' : `Fix ${count} problems to continue`,
};

function germanIssue(issue: FieldIssue): string {
  const p = issue.params ?? {};
  const head = issueHead(issue.field);
  switch (head) {
    case 'name':
      return issue.code === 'too_long'
        ? `Kürzen Sie den Namen auf höchstens ${p.maximum} Zeichen`
        : 'Geben Sie einen Namen ein';
    case 'description':
      return `Kürzen Sie die Beschreibung auf höchstens ${p.maximum ?? 255} Zeichen`;
    case 'productIds':
    case 'resellerIds': {
      const what = head === 'productIds' ? 'Produkt' : 'Wiederverkäufer';
      if (issue.code === 'too_many')
        return `Wählen Sie höchstens ${p.maximum} ${head === 'productIds' ? 'Produkte' : 'Wiederverkäufer'}`;
      if (issue.code === 'not_found')
        return `Ein gewählter ${what} existiert nicht mehr: Wählen Sie erneut`;
      if (issue.code === 'not_partner') return 'Ein Wiederverkäufer ist nicht Ihr Partner';
      return head === 'productIds'
        ? 'Wählen Sie mindestens ein Produkt'
        : 'Wählen Sie mindestens einen Wiederverkäufer';
    }
    case 'discount':
      if (issue.code === 'required') return 'Geben Sie einen Rabatt ein';
      if (issue.code === 'too_many_decimals')
        return `Verwenden Sie höchstens ${p.maximum} Nachkommastellen für den Rabatt`;
      return 'Der Rabatt muss zwischen 0,01 % und 100 % liegen';
    case 'endDate':
    case 'durationType':
      switch (issue.code) {
        case 'end_date_required':
          return 'Wählen Sie ein Enddatum: Eine bestimmte Laufzeit braucht eines';
        case 'end_date_not_allowed':
          return 'Entfernen Sie das Enddatum: Unbefristet hat keines';
        case 'date_in_past':
          return `Wählen Sie als Enddatum heute (${p.today}) oder später`;
        case 'not_calendar_date':
          return 'Geben Sie ein gültiges Datum ein, z. B. 2026-12-31';
        default:
          return 'Wählen Sie die Laufzeit der Verkaufschance';
      }
    case 'buyerAccountId':
      return issue.code === 'required'
        ? 'Geben Sie die AWS-Konto-ID des Käufers ein'
        : 'Geben Sie die 12-stellige AWS-Konto-ID des Käufers ein';
    default:
      return issue.code === 'required' ? 'Füllen Sie dieses Feld aus' : 'Prüfen Sie diesen Wert';
  }
}

export const VALIDATION_MESSAGES_DE: ValidationMessages = {
  issue: germanIssue,
  summaryTitle: (count) =>
    count === 1
      ? 'Beheben Sie 1 Problem, um fortzufahren'
      : `Beheben Sie ${count} Probleme, um fortzufahren`,
};
