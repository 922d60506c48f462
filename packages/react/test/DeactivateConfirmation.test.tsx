import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { BY_STATUS, FIXTURE_NOW } from '../src/fixtures/opportunities.js';
import { DEACTIVATE_STRINGS_DE, DeactivateConfirmation } from '../src/index.js';

const items = [BY_STATUS.active, BY_STATUS.expired, BY_STATUS.restricted];

describe('DeactivateConfirmation', () => {
  test('says what will change and what will not, and confirms only the Active ids', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(
      <DeactivateConfirmation
        items={items}
        now={FIXTURE_NOW}
        onConfirm={onConfirm}
        onClose={() => {}}
      />,
    );
    expect(screen.getByText(/become Restricted/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Only Active opportunities change: 2 of the 3 selected will be left as they are.',
      ),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Opportunities to deactivate' });
    expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('(stays Expired)');
    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    expect(onConfirm).toHaveBeenCalledWith([BY_STATUS.active.id]);
  });

  test('nothing to deactivate: the button is disabled', () => {
    render(
      <DeactivateConfirmation
        items={[BY_STATUS.expired]}
        now={FIXTURE_NOW}
        onConfirm={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Deactivate' })).toBeDisabled();
  });

  test('shows the result of each item, then only Close', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(
      <DeactivateConfirmation
        items={items}
        now={FIXTURE_NOW}
        onConfirm={() => {}}
        onClose={onClose}
        results={[
          {
            id: BY_STATUS.active.id,
            ok: true,
            opportunity: { ...BY_STATUS.active, status: 'restricted' },
          },
          { id: BY_STATUS.expired.id, ok: false, reason: 'EXPIRED' },
          { id: BY_STATUS.restricted.id, ok: false, reason: 'RESTRICTED' },
        ]}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 deactivated.');
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Deactivated: Restricted');
    expect(rows[1]).toHaveTextContent(
      'Not changed: Expired: only Active opportunities can be deactivated',
    );
    expect(rows[2]).toHaveTextContent('Not changed: already Restricted');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  test('a failed request says nothing changed; German', () => {
    render(
      <DeactivateConfirmation
        items={items}
        now={FIXTURE_NOW}
        onConfirm={() => {}}
        onClose={() => {}}
        error="Netzwerkfehler."
        i18nStrings={DEACTIVATE_STRINGS_DE}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Es wurde nichts deaktiviert. Netzwerkfehler.',
    );
    expect(screen.getByRole('button', { name: 'Deaktivieren' })).toBeEnabled();
    expect(screen.getAllByText('(bleibt Abgelaufen)')).toHaveLength(1);
  });
});
