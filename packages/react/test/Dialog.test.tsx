import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { Dialog } from '../src/index.js';

function Page({ onDismiss }: { onDismiss?: (reason: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Dialog
        open={open}
        header="Create opportunity"
        onDismiss={(reason) => {
          onDismiss?.(reason);
          setOpen(false);
        }}
        footer={
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        }
      >
        <input aria-label="Name" />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  test('opens as a modal named by its header, with its body and actions', async () => {
    const user = userEvent.setup();
    render(<Page />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Create opportunity' });
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByRole('textbox', { name: 'Name' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close dialog' })).toBeInTheDocument();
  });

  test('Escape asks to close; focus returns to the opener', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(<Page onDismiss={onDismiss} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Escape}');
    expect(onDismiss).toHaveBeenCalledWith('escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  test('Cancel (the caller closing it) and the close button return focus too', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(<Page onDismiss={onDismiss} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
    expect(onDismiss).not.toHaveBeenCalled();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Close dialog' }));
    expect(onDismiss).toHaveBeenCalledWith('close-button');
    expect(opener).toHaveFocus();
  });

  test('a caller may refuse to close (e.g. while saving)', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(
      <Dialog open header="Saving" onDismiss={onDismiss}>
        <input aria-label="Name" />
      </Dialog>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Escape}');
    expect(onDismiss).toHaveBeenCalledWith('escape');
    expect(screen.getByRole('dialog', { name: 'Saving' })).toHaveAttribute('open');
  });
});
