import type { Summary } from '@resale-kit/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { SummaryCards } from '../src/index.js';

const SUMMARY: Summary = {
  active: 8,
  expiringIn30Days: 0,
  byStatus: { active: 8, expired: 2, restricted: 1, complete: 4 },
};

describe('SummaryCards', () => {
  test('shows "Expiring in 30 days" and "Active" under a Summary heading', () => {
    render(<SummaryCards summary={SUMMARY} />);
    expect(screen.getByRole('region', { name: 'Summary' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Expiring in 30 days0', 'Active8']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('clicking a card reports its filter', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<SummaryCards summary={SUMMARY} onSelect={onSelect} showStatusCards />);
    await user.click(screen.getByRole('button', { name: /Expiring in 30 days/ }));
    expect(onSelect).toHaveBeenLastCalledWith(
      { status: ['active'], expiringWithinDays: 30 },
      'expiring',
    );
    await user.click(screen.getByRole('button', { name: /Restricted/ }));
    expect(onSelect).toHaveBeenLastCalledWith({ status: ['restricted'] }, 'restricted');
    expect(screen.getAllByRole('button')).toHaveLength(5);
  });

  test('keyboard: Enter on a focused card selects it', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<SummaryCards summary={SUMMARY} onSelect={onSelect} />);
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith({ status: ['active'] }, 'active');
  });

  test('the applied card is pressed', () => {
    render(<SummaryCards summary={SUMMARY} onSelect={vi.fn()} selectedCard="active" />);
    expect(screen.getByRole('button', { name: /Active/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /Expiring/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  test('loading: busy, no numbers, buttons disabled', () => {
    render(<SummaryCards loading onSelect={vi.fn()} />);
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getAllByText('Loading')).toHaveLength(2);
    for (const b of screen.getAllByRole('button')) expect(b).toBeDisabled();
  });

  test('numbers follow the locale', () => {
    render(<SummaryCards summary={{ ...SUMMARY, active: 12345 }} locale="de-DE" />);
    expect(screen.getByText('12.345')).toBeInTheDocument();
  });
});
