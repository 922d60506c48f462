import type { ListFilters } from '@resale-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_PRODUCTS, LONG_RESELLERS, PRODUCTS, RESELLERS } from '../fixtures/partners.js';
import { PHONE } from '../fixtures/storyFrames.js';
import { FILTERS_STRINGS_DE } from '../i18n/de.js';
import { OpportunityFilters, type OpportunityFiltersProps } from './OpportunityFilters.js';

/** The app owns the filters (in its URL, say): the bar is controlled. */
function Controlled(args: OpportunityFiltersProps) {
  const [value, setValue] = useState<ListFilters>(args.value);
  return (
    <OpportunityFilters
      {...args}
      value={value}
      onChange={(next) => {
        setValue(next);
        args.onChange(next);
      }}
    />
  );
}

const meta = {
  title: 'Components/OpportunityFilters',
  component: OpportunityFilters,
  args: { value: {}, products: PRODUCTS, resellers: RESELLERS, onChange: fn() },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof OpportunityFilters>;
export default meta;
type Story = StoryObj<typeof meta>;

/** No filter. */
export const Empty: Story = {};

/** Type, tick statuses, pick a window, then clear. */
export const FilterAndClear: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Find opportunities' }), 'promo');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Active' }));
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Expires' }),
      'Within 30 days',
    );
    await expect(args.onChange).toHaveBeenLastCalledWith({
      q: 'promo',
      status: ['active'],
      expiringWithinDays: 30,
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Clear filters' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({});
  },
};

/** The summary card's "Expiring in 30 days" filter. */
export const Expiring: Story = { args: { value: { status: ['active'], expiringWithinDays: 30 } } };

/** While the list loads. */
export const Loading: Story = { args: { disabled: true } };

/** A reseller sees only itself: no reseller filter. */
export const ResellerView: Story = { args: { resellers: undefined } };

export const LongNames: Story = {
  args: {
    products: LONG_PRODUCTS,
    resellers: LONG_RESELLERS,
    value: { productId: LONG_PRODUCTS[0]?.id },
  },
};

export const Dark: Story = { parameters: { theme: 'dark' }, args: Expiring.args };

export const German: Story = {
  args: { i18nStrings: FILTERS_STRINGS_DE, value: { expiringWithinDays: 30 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Läuft ab' })).toHaveDisplayValue(
      'Innerhalb von 30 Tagen',
    );
  },
};

export const RightToLeft: Story = { parameters: { dir: 'rtl' }, args: Expiring.args };

export const Phone: Story = { ...PHONE, args: LongNames.args };
