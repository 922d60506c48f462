import { ISSUE_CODES } from '@resale-kit/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { BY_STATUS, FIXTURE_NOW } from '../src/fixtures/opportunities.js';
import { PRODUCTS, RESELLERS } from '../src/fixtures/partners.js';
import {
  DEFAULT_OPPORTUNITY_FORM_STRINGS,
  DEFAULT_VALIDATION_MESSAGES,
  OPPORTUNITY_FORM_STRINGS_DE,
  OpportunityForm,
  type OpportunityFormProps,
  VALIDATION_MESSAGES_DE,
} from '../src/index.js';

/** The error summary: the alert named by its heading (the DurationPicker has its own alert). */
const summaryOf = () => screen.getByRole('alert', { name: /Fix|Beheben/ });

const renderForm = (props: Partial<OpportunityFormProps> = {}) => {
  const onSubmit = vi.fn();
  const view = render(
    <OpportunityForm
      now={FIXTURE_NOW}
      products={PRODUCTS}
      resellers={RESELLERS}
      onSubmit={onSubmit}
      {...props}
    />,
  );
  return { onSubmit, ...view };
};

describe('OpportunityForm', () => {
  test('an empty submit shows every error at once, in words, and focuses the first', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = summaryOf();
    expect(summary).toHaveTextContent('Fix 5 problems to continue');
    const items = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Enter a name',
      'Choose at least one product',
      'Choose at least one reseller',
      'Enter a discount',
      'Pick an end date: a specific time duration needs one',
    ]);
    const name = screen.getByRole('textbox', { name: 'Opportunity name' });
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter a name');
    expect(screen.getByRole('group', { name: /Products/ })).toHaveAttribute('aria-invalid', 'true');
  });

  test('fixing the fields clears their errors; a valid form sends the API input', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    await user.type(screen.getByRole('textbox', { name: 'Opportunity name' }), 'Spring promo');
    expect(summaryOf()).toHaveTextContent('Fix 4 problems');
    await user.click(screen.getByRole('checkbox', { name: 'Select all products' }));
    await user.click(screen.getByRole('checkbox', { name: 'test seller' }));
    await user.type(screen.getByRole('textbox', { name: 'Discount (%)' }), '12,5');
    await user.type(screen.getByLabelText('End date'), '2026-12-31');
    expect(screen.queryByRole('alert', { name: /Fix/ })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(
      '3 products × 1 reseller: 3 opportunities will be created.',
    );
    await user.click(screen.getByRole('button', { name: 'Create 3 opportunities' }));
    expect(onSubmit).toHaveBeenCalledWith({
      kind: 'create',
      input: {
        name: 'Spring promo',
        description: null,
        productIds: PRODUCTS.map((p) => p.id),
        resellerIds: [RESELLERS[0]?.id],
        discount: { type: 'percentage', percent: 12.5 },
        durationType: 'specific-duration',
        endDate: '2026-12-31',
      },
    });
  });

  test('a bad discount reads as the rule, not the field path', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Discount (%)' }), '150');
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    expect(screen.getByRole('textbox', { name: 'Discount (%)' })).toHaveAccessibleDescription(
      expect.stringContaining('Discount must be between 0.01% and 100%'),
    );
  });

  test("the server's issues show on the same fields and take focus", async () => {
    const { rerender } = renderForm();
    const issues = [
      { field: 'resellerIds.0', code: 'not_partner' as const },
      { field: 'endDate', code: 'date_in_past' as const, params: { today: '2026-06-15' } },
    ];
    rerender(
      <OpportunityForm
        now={FIXTURE_NOW}
        products={PRODUCTS}
        resellers={RESELLERS}
        onSubmit={() => {}}
        issues={issues}
      />,
    );
    const summary = summaryOf();
    expect(summary).toHaveTextContent('One of the resellers is not your partner');
    expect(summary).toHaveTextContent('Pick an end date of today (2026-06-15) or later');
    expect(screen.getByRole('group', { name: /Resellers/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByRole('checkbox', { name: 'Select all resellers' })).toHaveFocus();
  });

  test('a request failure no field explains is shown in the summary', () => {
    renderForm({ error: 'The network is down.' });
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was saved. The network is down.');
  });

  test('a clone keeps product, reseller and duration type, and sends only what may change', async () => {
    const user = userEvent.setup();
    const source = BY_STATUS.active;
    const { onSubmit } = renderForm({ source });
    expect(screen.queryByRole('group', { name: /Products/ })).toBeNull();
    expect(screen.getByText(source.productName)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Single use/ })).toBeDisabled();
    const name = screen.getByRole('textbox', { name: 'Opportunity name' });
    await user.clear(name);
    await user.type(name, 'Copy');
    await user.click(screen.getByRole('button', { name: 'Clone opportunity' }));
    expect(onSubmit).toHaveBeenCalledWith({
      kind: 'clone',
      input: {
        id: source.id,
        name: 'Copy',
        description: null,
        discount: source.discount,
        endDate: source.endDate,
      },
    });
  });

  test('German: labels and validation messages', async () => {
    const user = userEvent.setup();
    renderForm({ i18nStrings: OPPORTUNITY_FORM_STRINGS_DE });
    await user.click(screen.getByRole('button', { name: 'Verkaufschance erstellen' }));
    expect(summaryOf()).toHaveTextContent('Beheben Sie 5 Probleme');
    expect(screen.getByRole('textbox', { name: 'Name der Verkaufschance' })).toHaveFocus();
    expect(summaryOf()).toHaveTextContent('Wählen Sie mindestens ein Produkt');
  });
});

describe('validation messages', () => {
  const fields = [
    'name',
    'description',
    'productIds.0',
    'resellerIds',
    'discount.percent',
    'endDate',
    'buyerAccountId',
    'other',
  ];
  test('English and German word every field and code, never naming the field path', () => {
    for (const field of fields)
      for (const code of ISSUE_CODES) {
        const issue = { field, code, params: { maximum: 2, minimum: 1, today: '2026-06-15' } };
        const en = DEFAULT_VALIDATION_MESSAGES.issue(issue);
        const de = VALIDATION_MESSAGES_DE.issue(issue);
        expect(en).not.toMatch(/Ids|percent|endDate|buyerAccountId|undefined/);
        expect(de).not.toMatch(/Ids|percent|endDate|buyerAccountId|undefined/);
        expect(de).not.toBe(en);
      }
  });
  test('the German form strings cover every English key', () => {
    expect(Object.keys(OPPORTUNITY_FORM_STRINGS_DE).sort()).toEqual(
      Object.keys(DEFAULT_OPPORTUNITY_FORM_STRINGS).sort(),
    );
  });
});
