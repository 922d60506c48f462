import type { ListFilters } from '@resale-kit/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { PRODUCTS, RESELLERS } from '../src/fixtures/partners.js';
import { FILTERS_STRINGS_DE, OpportunityFilters } from '../src/index.js';

function Controlled({
  onChange,
  initial = {},
}: {
  onChange: (f: ListFilters) => void;
  initial?: ListFilters;
}) {
  const [value, setValue] = useState<ListFilters>(initial);
  return (
    <OpportunityFilters
      value={value}
      products={PRODUCTS}
      resellers={RESELLERS}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('OpportunityFilters', () => {
  test('every control reports core ListFilters, canonical', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    await user.type(screen.getByRole('searchbox', { name: 'Find opportunities' }), 'promo');
    expect(onChange).toHaveBeenLastCalledWith({ q: 'promo' });
    await user.click(screen.getByRole('checkbox', { name: 'Expired' }));
    await user.click(screen.getByRole('checkbox', { name: 'Active' }));
    expect(onChange).toHaveBeenLastCalledWith({ q: 'promo', status: ['active', 'expired'] });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Product' }),
      PRODUCTS[1]?.name ?? '',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Reseller' }),
      RESELLERS[0]?.name ?? '',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expires' }), 'Within 30 days');
    expect(onChange).toHaveBeenLastCalledWith({
      q: 'promo',
      status: ['active', 'expired'],
      productId: PRODUCTS[1]?.id,
      resellerId: RESELLERS[0]?.id,
      expiringWithinDays: 30,
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenLastCalledWith({});
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeDisabled();
  });

  test('shows a window it does not offer; hides the reseller filter without resellers; German', () => {
    render(
      <OpportunityFilters
        value={{ expiringWithinDays: 14, status: ['active'] }}
        onChange={() => {}}
        i18nStrings={FILTERS_STRINGS_DE}
      />,
    );
    expect(screen.getByRole('combobox', { name: 'Läuft ab' })).toHaveDisplayValue(
      'Innerhalb von 14 Tagen',
    );
    expect(screen.queryByRole('combobox', { name: 'Wiederverkäufer' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Aktiv' })).toBeChecked();
    // <search> is the search landmark in browsers; jsdom's role table does not know it yet.
    expect(document.querySelector('search')).toHaveAttribute(
      'aria-label',
      'Verkaufschancen filtern',
    );
  });
});
