import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PHONE } from '../fixtures/storyFrames.js';
import { DIALOG_STRINGS_DE } from '../i18n/de.js';
import { Dialog, type DialogProps } from './Dialog.js';

/** The page around the dialog: the button that opens it, and where focus returns. */
function Page(args: DialogProps & { openLabel?: string }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className="rk-button" onClick={() => setOpen(true)}>
        {args.openLabel ?? 'Open dialog'}
      </button>
      <Dialog
        {...args}
        open={open}
        onDismiss={(reason) => {
          args.onDismiss(reason);
          close();
        }}
        footer={
          <>
            <button type="button" className="rk-button rk-button--link" onClick={close}>
              Cancel
            </button>
            <button type="button" className="rk-button rk-button--primary" onClick={close}>
              Save
            </button>
          </>
        }
      />
    </>
  );
}

const meta = {
  title: 'Components/Dialog',
  component: Dialog,
  args: {
    open: false,
    header: 'Create opportunity',
    onDismiss: fn(),
    children: (
      <p>
        A modal on the native dialog element: the page behind is inert, Escape closes it, and focus
        returns to the button that opened it.
      </p>
    ),
  },
  render: (args) => <Page {...args} />,
} satisfies Meta<typeof Dialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const openIt = async (canvasElement: HTMLElement, label = 'Open dialog') => {
  const canvas = within(canvasElement);
  const opener = canvas.getByRole('button', { name: label });
  await userEvent.click(opener);
  return { canvas, opener };
};

/** Open, then Escape: the dialog closes and focus is back on the opener. */
export const EscapeReturnsFocus: Story = {
  play: async ({ canvasElement, args, step }) => {
    const { canvas, opener } = await openIt(canvasElement);
    await step('open: a modal named by its header', async () => {
      await expect(canvas.getByRole('dialog', { name: 'Create opportunity' })).toBeVisible();
    });
    await step('Escape closes it; focus returns to the opener', async () => {
      await userEvent.keyboard('{Escape}');
      await expect(args.onDismiss).toHaveBeenCalledWith('escape');
      await expect(canvas.queryByRole('dialog')).toBeNull();
      await expect(opener).toHaveFocus();
    });
  },
};

/** Cancel (the caller closing it) returns focus to the opener too. */
export const CancelReturnsFocus: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, opener } = await openIt(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(opener).toHaveFocus();
  },
};

/** Open: the state a designer reviews. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    await openIt(canvasElement);
  },
};

/** A long title and a tall body: the title wraps, the body scrolls, the actions stay in view. */
export const LongContent: Story = {
  args: {
    size: 'large',
    header:
      'Clone opportunity: Gamma UAT - Scenario 4 - Enterprise annual subscription with premium support for the EMEA region',
    children: (
      <div>
        {Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}`).map((p) => (
          <p key={p}>{p} of a long body that scrolls inside the dialog.</p>
        ))}
      </div>
    ),
  },
  play: async ({ canvasElement }) => {
    await openIt(canvasElement);
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await openIt(canvasElement);
  },
};

/** German: the close button's name. */
export const German: Story = {
  args: { header: 'Verkaufschance erstellen', i18nStrings: DIALOG_STRINGS_DE },
  play: async ({ canvasElement }) => {
    const { canvas } = await openIt(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Dialog schließen' })).toBeVisible();
  },
};

export const RightToLeft: Story = {
  parameters: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await openIt(canvasElement);
  },
};

/** A phone: the dialog fills the screen; its actions stay visible at the bottom. */
export const Phone: Story = {
  ...PHONE,
  args: LongContent.args,
  play: async ({ canvasElement }) => {
    const { canvas } = await openIt(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeVisible();
  },
};
