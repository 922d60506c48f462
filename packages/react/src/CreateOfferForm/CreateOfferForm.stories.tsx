import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { BY_STATUS, LONG_ROWS } from '../fixtures/opportunities.js';
import { OFFERS } from '../fixtures/partners.js';
import { PHONE, WithOpener } from '../fixtures/storyFrames.js';
import { CREATE_OFFER_STRINGS_DE } from '../i18n/de.js';
import { CreateOfferForm } from './CreateOfferForm.js';

const KEY = '7d4c1f0e-2b3a-4c5d-8e9f-0a1b2c3d4e5f';
const RESULT = {
  offer: OFFERS[0] as (typeof OFFERS)[number],
  opportunity: { ...BY_STATUS.active, timesUsed: 6 },
  replayed: false,
};

const meta = {
  title: 'Components/CreateOfferForm',
  component: CreateOfferForm,
  args: { opportunity: BY_STATUS.active, idempotencyKey: KEY, onSubmit: fn(), onClose: fn() },
} satisfies Meta<typeof CreateOfferForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Empty. */
export const Empty: Story = {};

/** An account id typed with spaces and dashes is accepted and sent as 12 digits. */
export const FillAndSubmit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Buyer AWS account ID' }),
      '1234-5678 9012',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Create offer' }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      opportunityId: BY_STATUS.active.id,
      buyerAccountId: '123456789012',
      idempotencyKey: KEY,
    });
  },
};

/** A short id: explained, announced, focused; fixing it clears the error. */
export const FixErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox', { name: 'Buyer AWS account ID' });
    await userEvent.type(field, '12345');
    await userEvent.click(canvas.getByRole('button', { name: 'Create offer' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      "Enter the buyer's 12-digit AWS account ID",
    );
    await expect(field).toHaveFocus();
    await userEvent.type(field, '6789012');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** An empty submit. */
export const ValidationError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Create offer' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent("Enter the buyer's AWS account ID");
  },
};

/** The server refused: its issue on the field, and why the request failed. */
export const ServerError: Story = {
  args: {
    defaultValue: '123456789012',
    issues: [
      { field: 'buyerAccountId', code: 'invalid_format', params: { format: 'aws_account_id' } },
    ],
  },
};

/** The opportunity stopped being Active meanwhile. */
export const RequestFailed: Story = {
  args: { defaultValue: '123456789012', error: 'The opportunity is no longer Active (Complete).' },
};

export const Submitting: Story = { args: { defaultValue: '123456789012', submitting: true } };

/** The created offer, with the opportunity's new times used and status. */
export const Created: Story = { args: { result: RESULT } };

/** A retried request: the first result, nothing counted again. */
export const Replayed: Story = { args: { result: { ...RESULT, replayed: true } } };

export const LongNames: Story = { args: { opportunity: LONG_ROWS[0] ?? BY_STATUS.active } };

export const Dark: Story = { parameters: { theme: 'dark' }, play: FixErrors.play };

export const German: Story = {
  args: { i18nStrings: CREATE_OFFER_STRINGS_DE, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Angebot erstellen' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Geben Sie die AWS-Konto-ID des Käufers ein',
    );
  },
};

export const RightToLeft: Story = { parameters: { dir: 'rtl' } };

/** In its dialog on a phone: Cancel returns focus to the opener. */
export const PhoneDialog: Story = {
  ...PHONE,
  render: (args) => (
    <WithOpener label="Create offer" header="Create offer">
      {(close) => <CreateOfferForm {...args} onClose={close} />}
    </WithOpener>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Create offer' });
    await userEvent.click(opener);
    const dialog = canvas.getByRole('dialog', { name: 'Create offer' });
    await expect(within(dialog).getByRole('button', { name: 'Create offer' })).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(opener).toHaveFocus();
  },
};
