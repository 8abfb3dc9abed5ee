import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog';

// jsdom has <dialog> but not its modal methods: the smallest stand-in that keeps `open` and the close event.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

function Harness({ busy = false, onClose = () => {} }: { busy?: boolean; onClose?: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Dialog
        ref={ref}
        open={open}
        title="Settings"
        closeLabel="Close"
        busy={busy}
        onClose={() => {
          setOpen(false);
          onClose();
        }}
        className="settings-dialog"
        testId="settings"
      >
        <p>Content</p>
        <button type="button" onClick={() => ref.current?.close()}>
          Done
        </button>
      </Dialog>
    </>
  );
}

async function openHarness(props: Parameters<typeof Harness>[0] = {}) {
  const user = userEvent.setup();
  render(<Harness {...props} />);
  expect(screen.queryByText('Content')).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Open' }));
  return { user, dialog: screen.getByTestId('settings') };
}

describe('Dialog', () => {
  it('opens modally with its content, named by its heading', async () => {
    const { dialog } = await openHarness();
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBe(dialog);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Settings');
    expect(dialog).toHaveClass('dialog', 'settings-dialog');
    expect(screen.getByText('Content')).toBeInTheDocument();
  });

  it('×, the backdrop and the view’s own close() close it and report it', async () => {
    const onClose = vi.fn();
    const { user, dialog } = await openHarness({ onClose });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(screen.queryByText('Content')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent.click(dialog);
    expect(dialog).not.toHaveAttribute('open');

    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('a click inside the content does not close it', async () => {
    const { dialog } = await openHarness();
    fireEvent.click(screen.getByText('Content'));
    expect(dialog).toHaveAttribute('open');
  });

  it('while busy, ×, the backdrop and Escape leave it open', async () => {
    const onClose = vi.fn();
    const { dialog } = await openHarness({ busy: true, onClose });
    expect(screen.getByRole('button', { name: 'Close' })).toBeDisabled();
    fireEvent.click(dialog);
    // Escape fires `cancel` on a modal dialog; the browser closes it unless that is prevented.
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(dialog).toHaveAttribute('open');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Escape is not blocked when not busy', async () => {
    const { dialog } = await openHarness();
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(false);
  });
});
