import type { Summary } from '@resale-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SUMMARY_DE } from '../fixtures/germanMessages.js';
import { SummaryCards } from './SummaryCards.js';

const SUMMARY: Summary = {
  active: 8,
  expiringIn30Days: 2,
  byStatus: { active: 8, expired: 3, restricted: 1, complete: 3 },
};

const meta = {
  title: 'Components/SummaryCards',
  component: SummaryCards,
  args: { summary: SUMMARY, onSelect: fn() },
} satisfies Meta<typeof SummaryCards>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Clicking a card reports the filter it stands for. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /Expiring in 30 days/ }));
    await expect(args.onSelect).toHaveBeenCalledWith(
      { status: ['active'], expiringWithinDays: 30 },
      'expiring',
    );
    await userEvent.click(canvas.getByRole('button', { name: /Active/ }));
    await expect(args.onSelect).toHaveBeenLastCalledWith({ status: ['active'] }, 'active');
  },
};

/** One card per status besides the two main ones; the applied one is pressed. */
export const WithStatusCards: Story = {
  args: { showStatusCards: true, selectedCard: 'expired' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /Expired/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(canvas.getAllByRole('button')).toHaveLength(5);
  },
};

/** Without `onSelect` the cards are plain text. */
export const ReadOnlyCards: Story = {
  args: { onSelect: undefined },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const Loading: Story = { args: { summary: null, loading: true } };

export const Dark: Story = { args: { showStatusCards: true }, parameters: { theme: 'dark' } };

export const German: Story = {
  args: {
    locale: 'de-DE',
    messages: SUMMARY_DE,
    summary: { ...SUMMARY, active: 12345, byStatus: { ...SUMMARY.byStatus, active: 12345 } },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('12.345')).toBeVisible();
  },
};

export const NarrowViewport: Story = {
  args: { showStatusCards: true },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { maxWidth: 320 },
};

/** Right to left: the cards flow from the right, their labels start on the right. */
export const RightToLeft: Story = {
  args: { showStatusCards: true },
  parameters: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('.rk-cards') as HTMLElement;
    await expect(list.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    await expect(within(canvasElement).getAllByRole('button').length).toBeGreaterThan(1);
  },
};
