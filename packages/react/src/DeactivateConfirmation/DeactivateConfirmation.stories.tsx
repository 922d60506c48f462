import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { BY_STATUS, FIXTURE_NOW, LONG_ROWS } from '../fixtures/opportunities.js';
import { PHONE, WithOpener } from '../fixtures/storyFrames.js';
import { DEACTIVATE_STRINGS_DE } from '../i18n/de.js';
import {
  DeactivateConfirmation,
  type DeactivateConfirmationProps,
} from './DeactivateConfirmation.js';

const MIXED = [BY_STATUS.active, BY_STATUS.expired, BY_STATUS.restricted, BY_STATUS.complete];
const RESULTS = [
  {
    id: BY_STATUS.active.id,
    ok: true as const,
    opportunity: { ...BY_STATUS.active, status: 'restricted' as const },
  },
  { id: BY_STATUS.expired.id, ok: false as const, reason: 'EXPIRED' as const },
  { id: BY_STATUS.restricted.id, ok: false as const, reason: 'RESTRICTED' as const },
  { id: BY_STATUS.complete.id, ok: false as const, reason: 'COMPLETE' as const },
];

const meta = {
  title: 'Components/DeactivateConfirmation',
  component: DeactivateConfirmation,
  args: { items: MIXED, now: FIXTURE_NOW, onConfirm: fn(), onClose: fn() },
} satisfies Meta<typeof DeactivateConfirmation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Some selected items are not Active: the confirmation says which stay as they are, and why. */
export const Mixed: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText(
        'Only Active opportunities change: 3 of the 4 selected will be left as they are.',
      ),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Deactivate' }));
    await expect(args.onConfirm).toHaveBeenCalledWith([BY_STATUS.active.id]);
  },
};

/** One Active opportunity. */
export const Single: Story = { args: { items: [BY_STATUS.active] } };

/** Nothing can be deactivated: the button is disabled. */
export const NothingToDeactivate: Story = {
  args: { items: [BY_STATUS.expired, BY_STATUS.complete] },
};

/** The request is running. */
export const Submitting: Story = { args: { submitting: true } };

/** The per-item results, then only Close. */
export const Results: Story = {
  args: { results: RESULTS },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('1 of 4 deactivated.');
    await expect(canvas.getByRole('button', { name: 'Close' })).toBeVisible();
  },
};

/** The request failed: nothing changed. */
export const ServerError: Story = { args: { error: 'The server could not be reached.' } };

export const LongNames: Story = { args: { items: LONG_ROWS } };

export const Dark: Story = { parameters: { theme: 'dark' }, args: { results: RESULTS } };

export const German: Story = {
  args: { i18nStrings: DEACTIVATE_STRINGS_DE },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Deaktivieren' })).toBeEnabled();
    await expect(canvas.getByText('(bleibt Abgelaufen)')).toBeVisible();
  },
};

export const RightToLeft: Story = { parameters: { dir: 'rtl' } };

/** In its dialog on a phone: confirm, read the results, Close returns focus to the opener. */
export const PhoneDialogFlow: Story = {
  ...PHONE,
  render: (args) => (
    <WithOpener label="Deactivate" header="Deactivate 4 opportunities">
      {(close) => <ConfirmThenResults {...args} onClose={close} />}
    </WithOpener>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Deactivate' });
    await userEvent.click(opener);
    const dialog = canvas.getByRole('dialog', { name: 'Deactivate 4 opportunities' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await expect(within(dialog).getByRole('status')).toHaveTextContent('1 of 4 deactivated.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await expect(opener).toHaveFocus();
  },
};

/** In its dialog: Cancel returns focus to the opener. */
export const CancelReturnsFocus: Story = {
  render: PhoneDialogFlow.render,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Deactivate' });
    await userEvent.click(opener);
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(opener).toHaveFocus();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** A caller that answers the confirmation with the results, as the API would. */
function ConfirmThenResults(props: DeactivateConfirmationProps) {
  const [done, setDone] = useState(false);
  return (
    <DeactivateConfirmation
      {...props}
      results={done ? RESULTS : undefined}
      onConfirm={(ids) => {
        props.onConfirm(ids);
        setDone(true);
      }}
    />
  );
}
