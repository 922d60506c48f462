import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_ROWS } from '../fixtures/opportunities.js';
import { DETAILS } from '../fixtures/partners.js';
import { PHONE, WithOpener } from '../fixtures/storyFrames.js';
import { DETAILS_STRINGS_DE } from '../i18n/de.js';
import { OpportunityDetails } from './OpportunityDetails.js';

const meta = {
  title: 'Components/OpportunityDetails',
  component: OpportunityDetails,
  args: { details: DETAILS, onRetry: fn() },
} satisfies Meta<typeof OpportunityDetails>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Fields, offers and history. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Offers created from it (2)' })).toBeVisible();
    await expect(canvas.getAllByRole('row')).toHaveLength(3);
  },
};

/** No offer created from it yet. */
export const NoOffers: Story = { args: { details: { ...DETAILS, offers: [] } } };

export const Loading: Story = { args: { details: undefined, loading: true } };

/** Could not load: Retry. */
export const LoadError: Story = {
  args: { details: undefined, error: 'The server could not be reached.' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

export const LongNames: Story = {
  args: { details: { ...DETAILS, opportunity: LONG_ROWS[0] ?? DETAILS.opportunity } },
};

export const Dark: Story = { parameters: { theme: 'dark' } };

export const German: Story = {
  args: { i18nStrings: DETAILS_STRINGS_DE, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Verlauf' })).toBeVisible();
  },
};

export const RightToLeft: Story = { parameters: { dir: 'rtl' } };

/** In its dialog on a phone: the offers table scrolls inside its own box. */
export const PhoneDialog: Story = {
  ...PHONE,
  render: (args) => (
    <WithOpener
      label="View details"
      header={`Opportunity details: ${DETAILS.opportunity.name}`}
      size="large"
    >
      {() => <OpportunityDetails {...args} />}
    </WithOpener>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'View details' });
    await userEvent.click(opener);
    await expect(canvas.getByRole('dialog')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect(opener).toHaveFocus();
  },
};
