import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { CopyLinkButton } from './copy-link';

/** Installs a clipboard whose writeText does what the test says (after userEvent, which brings its own). */
function mockClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  const spy = writeText ? vi.fn(writeText) : undefined;
  Object.defineProperty(navigator, 'clipboard', { value: spy ? { writeText: spy } : undefined, configurable: true });
  return spy;
}

function setup() {
  const user = userEvent.setup();
  render(<CopyLinkButton />);
  return user;
}

beforeEach(() => {
  resetAppStore();
  // The state on screen: filters, a selection, a scale; English from the browser, not chosen.
  useAppStore.setState({
    filters: { ...DEFAULT_FILTERS, organizations: ['Meta AI'] },
    selectedId: 'llama-7b',
    viewSettings: { ...useAppStore.getState().viewSettings, costScale: 'linear' },
    language: 'en',
    languageExplicit: false,
  });
});
afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

describe('CopyLinkButton', () => {
  it('copies a link to what is on screen, with the language spelled out, and says so', async () => {
    const user = setup();
    const writeText = mockClipboard(() => Promise.resolve());
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const url = new URL(writeText!.mock.calls[0][0]);
    expect(`${url.origin}${url.pathname}`).toBe(`${location.origin}${location.pathname}`);
    expect(url.searchParams.getAll('org')).toEqual(['Meta AI']);
    expect(url.searchParams.get('sel')).toBe('llama-7b');
    expect(url.searchParams.get('cscale')).toBe('linear');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(screen.getByRole('status')).toHaveTextContent('Link copied');
    expect(screen.queryByTestId('copy-link-field')).not.toBeInTheDocument();
  });

  it('where the clipboard refuses, shows the link selected in a read-only field', async () => {
    const user = setup();
    const writeText = mockClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Link to this view' });
    expect(field.value).toBe(writeText!.mock.calls[0][0]);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    expect(screen.getByRole('status')).toHaveTextContent('Copying is not allowed here');
    expect(screen.getByRole('status')).not.toHaveTextContent('Link copied');
  });

  it('where there is no clipboard at all, also falls back to the field; Close hides it', async () => {
    const user = setup();
    mockClipboard(undefined);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByTestId<HTMLInputElement>('copy-link-field');
    expect(new URL(field.value).searchParams.get('lang')).toBe('en');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('copy-link-field')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.getByRole('button', { name: 'Copy link' })).toHaveFocus();
    // Escape in the field closes it too.
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('copy-link-field')).not.toBeInTheDocument();
  });

  it('"Link copied" goes away after a few seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<CopyLinkButton />);
      mockClipboard(() => Promise.resolve());
      await user.click(screen.getByRole('button', { name: 'Copy link' }));
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Link copied'));
      await act(() => vi.advanceTimersByTimeAsync(5000));
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(''));
    } finally {
      vi.useRealTimers();
    }
  });
});
