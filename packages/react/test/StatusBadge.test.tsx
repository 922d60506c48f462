import { STATUS_LABELS, STATUSES } from '@resale-kit/core';
import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { StatusBadge } from '../src/index.js';

test.each(STATUSES)('%s: core label as text plus a hidden icon, not colour alone', (status) => {
  const { container } = render(<StatusBadge status={status} />);
  expect(screen.getByText(STATUS_LABELS[status])).toBeInTheDocument();
  const icon = container.querySelector('svg');
  expect(icon).toHaveAttribute('aria-hidden', 'true');
  expect(icon?.querySelector('path')?.getAttribute('d')).toBeTruthy();
});

test('each status has its own icon', () => {
  const paths = STATUSES.map((status) => {
    const { container, unmount } = render(<StatusBadge status={status} />);
    const d = container.querySelector('path')?.getAttribute('d');
    unmount();
    return d;
  });
  expect(new Set(paths).size).toBe(STATUSES.length);
});

test('labels can be overridden', () => {
  render(<StatusBadge status="expired" messages={{ expired: 'Abgelaufen' }} />);
  expect(screen.getByText('Abgelaufen')).toBeInTheDocument();
});
