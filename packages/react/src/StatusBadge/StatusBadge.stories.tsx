import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { STATUS_DE } from '../fixtures/germanMessages.js';
import { StatusBadge } from './StatusBadge.js';

const meta = {
  title: 'Components/StatusBadge',
  component: StatusBadge,
  args: { status: 'active' },
} satisfies Meta<typeof StatusBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Active: Story = {
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText('Active');
    await expect(badge).toBeVisible();
    await expect(canvasElement.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  },
};
export const Expired: Story = { args: { status: 'expired' } };
export const Restricted: Story = { args: { status: 'restricted' } };
export const Complete: Story = { args: { status: 'complete' } };

/** All four side by side: each has its own icon, so none relies on colour. */
export const AllStatuses: Story = {
  render: (args) => (
    <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 24, listStyle: 'none', padding: 0 }}>
      {(['active', 'expired', 'restricted', 'complete'] as const).map((status) => (
        <li key={status}>
          <StatusBadge {...args} status={status} />
        </li>
      ))}
    </ul>
  ),
};
export const Dark: Story = { ...AllStatuses, parameters: { theme: 'dark' } };
export const German: Story = { ...AllStatuses, args: { messages: STATUS_DE } };

/** Right to left: the icon stays before the label, on its right. */
export const RightToLeft: Story = { ...AllStatuses, parameters: { dir: 'rtl' } };
