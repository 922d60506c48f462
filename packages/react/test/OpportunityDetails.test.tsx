import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { DETAILS } from '../src/fixtures/partners.js';
import { DETAILS_STRINGS_DE, OpportunityDetails } from '../src/index.js';

describe('OpportunityDetails', () => {
  test('fields, offers and history, instants in UTC', () => {
    render(<OpportunityDetails details={DETAILS} />);
    const fields = screen.getByRole('region', { name: 'Opportunity' });
    expect(within(fields).getByText(DETAILS.opportunity.id)).toBeInTheDocument();
    expect(within(fields).getByText('Active')).toBeInTheDocument();
    expect(
      within(fields).getByText(/^Specific time duration, until the end of/),
    ).toBeInTheDocument();
    const offers = screen.getByRole('table');
    expect(within(offers).getAllByRole('row')).toHaveLength(3);
    expect(within(offers).getByText('210987654321')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Offers created from it (2)' })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getAllByRole('listitem')[1]).toHaveTextContent(
      /Used to create offer .* for buyer 123456789012 by Rita Reseller, May 2, 2026, 10:00 AM UTC/,
    );
  });

  test('no offers yet says so', () => {
    render(<OpportunityDetails details={{ ...DETAILS, offers: [] }} />);
    expect(screen.getByText(/No Channel Partner Private Offer/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('loading, then an error with Retry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(<OpportunityDetails loading />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the opportunity');
    rerender(<OpportunityDetails error="Not found." onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The opportunity could not be loaded. Not found.',
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
  });

  test('German labels and dates', () => {
    render(
      <OpportunityDetails details={DETAILS} locale="de-DE" i18nStrings={DETAILS_STRINGS_DE} />,
    );
    expect(
      screen.getByRole('heading', { name: 'Daraus erstellte Angebote (2)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Aktiv')).toBeInTheDocument();
    expect(screen.getByText(/von Ada ISV, 10\.03\.2026, 09:30 UTC/)).toBeInTheDocument();
  });
});
