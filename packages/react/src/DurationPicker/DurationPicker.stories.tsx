import type { DurationValue } from '@resale-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { DURATION_DE } from '../fixtures/germanMessages.js';
import { FIXTURE_NOW } from '../fixtures/opportunities.js';
import { DurationPicker, type DurationPickerProps } from './DurationPicker.js';

/** A form that owns the value, as an app does with the controlled picker. */
function ControlledPicker(args: DurationPickerProps) {
  const [value, setValue] = useState<DurationValue>(
    args.value ?? { durationType: 'single-use', endDate: null },
  );
  return (
    <DurationPicker
      {...args}
      value={value}
      onChange={(next, detail) => {
        setValue(next);
        args.onChange?.(next, detail);
      }}
    />
  );
}

const meta = {
  title: 'Components/DurationPicker',
  component: DurationPicker,
  args: { now: FIXTURE_NOW, onChange: fn() },
  render: (args) => <ControlledPicker {...args} />,
} satisfies Meta<typeof DurationPicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Single use: the end date is optional. */
export const SingleUse: Story = {};

/** Choosing "Specific time duration" makes the end date required, and core's rules validate it. */
export const ChooseSpecificDuration: Story = {
  args: { value: { durationType: 'no-set-duration', endDate: null } },
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    await step('no set duration: no end date field', async () => {
      await expect(canvas.queryByLabelText(/End date/)).toBeNull();
    });
    await step('specific duration: the end date appears, required, from today', async () => {
      await userEvent.click(canvas.getByRole('radio', { name: /Specific time duration/ }));
      const endDate = canvas.getByLabelText('End date');
      await expect(endDate).toBeRequired();
      await expect(endDate).toHaveAttribute('min', '2026-06-15');
      await expect(args.onChange).toHaveBeenLastCalledWith(
        { durationType: 'specific-duration', endDate: null },
        { issues: [expect.objectContaining({ field: 'endDate' })] },
      );
    });
    await step('a past date is refused with core message', async () => {
      const endDate = canvas.getByLabelText('End date');
      await userEvent.type(endDate, '2026-06-01');
      await expect(endDate).toHaveAttribute('aria-invalid', 'true');
      await expect(canvas.getByRole('alert')).toHaveTextContent('not in the past');
    });
    await step('a future date is accepted', async () => {
      const endDate = canvas.getByLabelText('End date');
      await userEvent.clear(endDate);
      await userEvent.type(endDate, '2026-12-31');
      await expect(endDate).not.toHaveAttribute('aria-invalid');
      await expect(canvas.queryByRole('alert')).toBeNull();
      await expect(args.onChange).toHaveBeenLastCalledWith(
        { durationType: 'specific-duration', endDate: '2026-12-31' },
        { issues: [] },
      );
    });
  },
};

export const SpecificDuration: Story = {
  args: { value: { durationType: 'specific-duration', endDate: '2026-09-30' } },
};

/** No set duration: no end date at all. */
export const NoSetDuration: Story = {
  args: { value: { durationType: 'no-set-duration', endDate: null } },
};

/** After a submit attempt: the missing end date is reported at once. */
export const ShowValidation: Story = {
  args: { value: { durationType: 'specific-duration', endDate: null }, showValidation: true },
};

/** A field error returned by the server, shown next to the field. */
export const ServerError: Story = {
  args: {
    value: { durationType: 'specific-duration', endDate: '2026-06-20' },
    error: 'endDate must not be in the past (today is 2026-06-21 UTC)',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('End date')).toHaveAccessibleDescription(
      /must not be in the past/,
    );
  },
};

export const Disabled: Story = {
  args: { value: { durationType: 'specific-duration', endDate: '2026-09-30' }, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(canvas.getByLabelText('End date')).toBeDisabled();
  },
};

export const ReadOnly: Story = {
  args: { value: { durationType: 'single-use', endDate: '2026-09-30' }, readOnly: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: /Single use/ })).toBeChecked();
    await expect(canvas.getByRole('radio', { name: /No set time duration/ })).toBeDisabled();
    await expect(canvas.getByLabelText(/End date/)).toHaveAttribute('readonly');
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

/** A clone keeps its source's duration type: only the end date can change. */
export const TypeLocked: Story = {
  args: { value: { durationType: 'specific-duration', endDate: '2026-09-30' }, typeLocked: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: /Single use/ })).toBeDisabled();
    await expect(canvas.getByRole('radio', { name: /Specific time duration/ })).toBeChecked();
    const endDate = canvas.getByLabelText(/End date/);
    await userEvent.clear(endDate);
    await userEvent.type(endDate, '2026-10-15');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { durationType: 'specific-duration', endDate: '2026-10-15' },
      { issues: [] },
    );
  },
};

export const Dark: Story = {
  args: { value: { durationType: 'specific-duration', endDate: '2026-09-30' } },
  parameters: { theme: 'dark' },
};

export const German: Story = {
  args: {
    value: { durationType: 'specific-duration', endDate: null },
    messages: DURATION_DE,
    showValidation: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Wählen Sie ein Enddatum');
  },
};

export const NarrowViewport: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { maxWidth: 320 },
};

/** Right to left, with the end date field and its validation: radios and labels mirror. */
export const RightToLeft: Story = {
  ...ShowValidation,
  parameters: { dir: 'rtl' },
};
