import type { DurationValue } from '@resale-kit/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { FIXTURE_NOW } from '../src/fixtures/opportunities.js';
import { DurationPicker, type DurationPickerProps } from '../src/index.js';

function Controlled(props: Partial<DurationPickerProps> & { initial: DurationValue }) {
  const [value, setValue] = useState(props.initial);
  return (
    <DurationPicker
      now={FIXTURE_NOW}
      {...props}
      value={value}
      onChange={(next, detail) => {
        setValue(next);
        props.onChange?.(next, detail);
      }}
    />
  );
}

const radio = (name: RegExp) => screen.getByRole('radio', { name });

describe('DurationPicker', () => {
  test('a labelled radio group with the three types and their descriptions', () => {
    render(<DurationPicker now={FIXTURE_NOW} />);
    expect(screen.getByRole('group', { name: 'Opportunity duration' })).toBeInTheDocument();
    expect(radio(/Single use/)).toHaveAccessibleDescription(
      'Allows for a single offer to be created per product specified',
    );
    expect(radio(/Specific time duration/)).toHaveAccessibleDescription(
      'Opportunity expires after the date specified below',
    );
    expect(radio(/No set time duration/)).toHaveAccessibleDescription(
      'Lasts until you manually deactivate the opportunity',
    );
    expect(radio(/Single use/)).toBeChecked();
  });

  test('the end date follows END_DATE_RULE: optional, required, absent', async () => {
    const user = userEvent.setup();
    render(<Controlled initial={{ durationType: 'single-use', endDate: null }} />);
    expect(screen.getByLabelText('End date (optional)')).not.toBeRequired();
    await user.click(radio(/Specific time duration/));
    expect(screen.getByLabelText('End date')).toBeRequired();
    expect(screen.getByLabelText('End date')).toHaveAttribute('min', '2026-06-15');
    await user.click(radio(/No set time duration/));
    expect(screen.queryByLabelText(/End date/)).toBeNull();
  });

  test('choosing no set duration clears the end date; onChange carries core issues', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <Controlled
        initial={{ durationType: 'specific-duration', endDate: '2026-07-01' }}
        onChange={onChange}
      />,
    );
    await user.click(radio(/No set time duration/));
    expect(onChange).toHaveBeenLastCalledWith(
      { durationType: 'no-set-duration', endDate: null },
      { issues: [] },
    );
    await user.click(radio(/Specific time duration/));
    expect(onChange).toHaveBeenLastCalledWith(
      { durationType: 'specific-duration', endDate: null },
      {
        issues: [
          {
            field: 'endDate',
            code: 'end_date_required',
            params: { durationType: 'specific-duration' },
          },
        ],
      },
    );
  });

  test('validates the end date with core rules once touched', async () => {
    const user = userEvent.setup();
    render(<Controlled initial={{ durationType: 'specific-duration', endDate: null }} />);
    const endDate = screen.getByLabelText('End date');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(endDate);
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Enter an end date: a specific time duration needs one.',
    );
    await user.type(endDate, '2026-06-14');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Pick an end date that is not in the past (today is 2026-06-15, UTC).',
    );
    expect(endDate).toHaveAttribute('aria-invalid', 'true');
    expect(endDate).toHaveAccessibleDescription(/not in the past/);
    await user.clear(endDate);
    await user.type(endDate, '2026-06-15');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(endDate).not.toHaveAttribute('aria-invalid');
  });

  test('showValidation reports at once; messages.issue translates', () => {
    render(
      <DurationPicker
        now={FIXTURE_NOW}
        value={{ durationType: 'specific-duration', endDate: null }}
        showValidation
        messages={{ issue: (i) => `Bitte: ${i.field}` }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte: endDate');
  });

  test('a server error is shown and describes the field', () => {
    render(
      <DurationPicker
        now={FIXTURE_NOW}
        value={{ durationType: 'single-use', endDate: '2026-07-01' }}
        error="endDate: server says no"
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('endDate: server says no');
    expect(screen.getByLabelText('End date (optional)')).toHaveAccessibleDescription(
      /server says no/,
    );
  });

  test('disabled: nothing can be changed', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <DurationPicker
        now={FIXTURE_NOW}
        disabled
        onChange={onChange}
        defaultValue={{ durationType: 'single-use', endDate: null }}
      />,
    );
    for (const r of screen.getAllByRole('radio')) expect(r).toBeDisabled();
    expect(screen.getByLabelText(/End date/)).toBeDisabled();
    await user.click(radio(/No set time duration/));
    expect(onChange).not.toHaveBeenCalled();
  });

  test('read-only: the value shows, focusable, and cannot change', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <DurationPicker
        now={FIXTURE_NOW}
        readOnly
        onChange={onChange}
        value={{ durationType: 'specific-duration', endDate: '2026-08-01' }}
      />,
    );
    expect(radio(/Specific time duration/)).toBeChecked();
    expect(radio(/Specific time duration/)).toBeEnabled();
    expect(radio(/Single use/)).toBeDisabled();
    const endDate = screen.getByLabelText('End date');
    expect(endDate).toHaveValue('2026-08-01');
    await user.type(endDate, '2026-09-01');
    expect(onChange).not.toHaveBeenCalled();
  });

  test('type locked: the type cannot change, the end date can', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <DurationPicker
        now={FIXTURE_NOW}
        typeLocked
        onChange={onChange}
        value={{ durationType: 'specific-duration', endDate: null }}
      />,
    );
    expect(radio(/Single use/)).toBeDisabled();
    expect(radio(/No set time duration/)).toBeDisabled();
    expect(radio(/Specific time duration/)).toBeChecked();
    await user.type(screen.getByLabelText(/End date/), '2026-08-01');
    expect(onChange).toHaveBeenLastCalledWith(
      { durationType: 'specific-duration', endDate: '2026-08-01' },
      { issues: [] },
    );
  });

  test('a server error that repeats a rule message is shown once', () => {
    render(
      <DurationPicker
        now={FIXTURE_NOW}
        showValidation
        error="Enter an end date: a specific time duration needs one."
        value={{ durationType: 'specific-duration', endDate: null }}
      />,
    );
    expect(
      screen.getAllByText('Enter an end date: a specific time duration needs one.'),
    ).toHaveLength(1);
  });

  test('uncontrolled: keeps its own value', async () => {
    const user = userEvent.setup();
    render(<DurationPicker now={FIXTURE_NOW} />);
    await user.click(radio(/No set time duration/));
    expect(radio(/No set time duration/)).toBeChecked();
  });

  test('keyboard: arrow keys move between the types', async () => {
    const user = userEvent.setup();
    render(<DurationPicker now={FIXTURE_NOW} />);
    radio(/Single use/).focus();
    await user.keyboard('{ArrowDown}');
    expect(radio(/Specific time duration/)).toBeChecked();
    expect(screen.getByLabelText('End date')).toBeRequired();
  });
});
