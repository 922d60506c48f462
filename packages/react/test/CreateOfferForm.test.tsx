import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { BY_STATUS } from '../src/fixtures/opportunities.js';
import { OFFERS } from '../src/fixtures/partners.js';
import { CREATE_OFFER_STRINGS_DE, CreateOfferForm } from '../src/index.js';

const o = BY_STATUS.active;
const KEY = 'key-1';

describe('CreateOfferForm', () => {
  test('accepts an account id typed with spaces and dashes, and sends it normalized', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CreateOfferForm opportunity={o} idempotencyKey={KEY} onSubmit={onSubmit} />);
    await user.type(
      screen.getByRole('textbox', { name: 'Buyer AWS account ID' }),
      '1234-5678 9012',
    );
    await user.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(onSubmit).toHaveBeenCalledWith({
      opportunityId: o.id,
      buyerAccountId: '123456789012',
      idempotencyKey: KEY,
    });
  });

  test('an invalid id is explained, announced and focused; fixing it clears the error', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CreateOfferForm opportunity={o} idempotencyKey={KEY} onSubmit={onSubmit} />);
    const field = screen.getByRole('textbox', { name: 'Buyer AWS account ID' });
    await user.type(field, '12345');
    await user.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Enter the buyer's 12-digit AWS account ID",
    );
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.type(field, '6789012');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test("the server's issue shows on the field until it is edited", async () => {
    const user = userEvent.setup();
    render(
      <CreateOfferForm
        opportunity={o}
        idempotencyKey={KEY}
        onSubmit={() => {}}
        defaultValue="123456789012"
        issues={[
          { field: 'buyerAccountId', code: 'invalid_format', params: { format: 'aws_account_id' } },
        ]}
      />,
    );
    const field = screen.getByRole('textbox', { name: 'Buyer AWS account ID' });
    expect(field).toHaveAccessibleDescription(expect.stringContaining('12-digit AWS account ID'));
    await user.type(field, '{Backspace}2');
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  test('shows the created offer; German', () => {
    render(
      <CreateOfferForm
        opportunity={o}
        idempotencyKey={KEY}
        onSubmit={() => {}}
        onClose={() => {}}
        i18nStrings={CREATE_OFFER_STRINGS_DE}
        result={{
          offer: OFFERS[0] as (typeof OFFERS)[number],
          opportunity: { ...o, timesUsed: 6 },
          replayed: false,
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Channel Partner Private Offer erstellt.');
    expect(screen.getByRole('status')).toHaveTextContent('123456789012');
    expect(screen.getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
