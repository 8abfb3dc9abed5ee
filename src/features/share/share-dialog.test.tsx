import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { ShareDialogButton, type SharePanel } from './share-dialog';

const PANELS: SharePanel[] = [
  { id: 'overview', title: 'Overview' },
  { id: 'training-cost', title: 'Training cost' },
  { id: 'timeline', title: 'Release timeline' },
];

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

function mockClipboard(writeText: (text: string) => Promise<void>) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: spy }, configurable: true });
  return spy;
}

async function openDialog() {
  const user = userEvent.setup();
  render(<ShareDialogButton panels={PANELS} />);
  await user.click(screen.getByTestId('share-open'));
  const dialog = screen.getByTestId('share-dialog');
  expect(dialog).toHaveAttribute('open');
  return { user, dialog };
}

beforeEach(() => {
  resetAppStore();
  useAppStore.setState({ filters: { ...DEFAULT_FILTERS, kinds: ['model'] }, language: 'en', languageExplicit: false, theme: 'dark' });
});
afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

describe('ShareDialogButton', () => {
  it('lists every panel with its embed link (current state + embed=<id>) and an iframe snippet', async () => {
    // The UI language comes from the browser here (not chosen), yet the embed link still carries it.
    useAppStore.setState({ language: 'zh-CN' });
    const { dialog } = await openDialog();
    expect(dialog).toHaveAttribute('open');
    const items = within(dialog).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading').textContent)).toEqual(['Overview', 'Training cost', 'Release timeline']);

    const url = new URL((screen.getByTestId('embed-url-timeline') as HTMLInputElement).value);
    expect(url.searchParams.get('embed')).toBe('timeline');
    expect(url.searchParams.get('kind')).toBe('model');
    expect(url.searchParams.get('lang')).toBe('zh-CN');
    expect(url.searchParams.get('theme')).toBe('dark');

    const snippet = (screen.getByTestId('embed-code-timeline') as HTMLTextAreaElement).value;
    const frame = new DOMParser().parseFromString(snippet, 'text/html').querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe(url.toString());
    expect(frame.getAttribute('width')).toBe('100%');
    expect(Number(frame.getAttribute('height'))).toBeGreaterThan(0);
    expect(frame.getAttribute('loading')).toBe('lazy');
    expect(frame.getAttribute('title')).toMatch(/^Release timeline — /);
  });

  it('Copy embed code puts the snippet on the clipboard and says so', async () => {
    const { user, dialog } = await openDialog();
    const writeText = mockClipboard(() => Promise.resolve());
    const item = within(dialog).getByRole('listitem', { name: 'Training cost' });
    await user.click(within(item).getByRole('button', { name: 'Copy embed code' }));
    expect(writeText).toHaveBeenCalledWith((screen.getByTestId('embed-code-training-cost') as HTMLTextAreaElement).value);
    expect(within(item).getByRole('status')).toHaveTextContent('Embed code copied');
  });

  it('where the clipboard refuses, selects the snippet to copy by hand and says so', async () => {
    const { user, dialog } = await openDialog();
    mockClipboard(() => Promise.reject(new Error('denied')));
    const item = within(dialog).getByRole('listitem', { name: 'Overview' });
    await user.click(within(item).getByRole('button', { name: 'Copy embed code' }));
    const code = screen.getByTestId<HTMLTextAreaElement>('embed-code-overview');
    expect(code).toHaveFocus();
    expect([code.selectionStart, code.selectionEnd]).toEqual([0, code.value.length]);
    expect(within(item).getByRole('status')).toHaveTextContent('Copying is not allowed here');
  });

  it('Close closes the dialog and gives focus back to the button that opened it', async () => {
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(within(dialog).queryByRole('listitem')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share / embed' })).toHaveFocus();
  });
});
