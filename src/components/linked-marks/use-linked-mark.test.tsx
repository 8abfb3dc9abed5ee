import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAppStore, useAppStore } from '../../store';
import { useLinkedMark, type LinkedMarkKind } from './use-linked-mark';

function Mark({ id, kind, activate }: { id: string; kind: LinkedMarkKind; activate?: () => void }) {
  const linkedMark = useLinkedMark();
  const pressed = useAppStore((s) => s.selectedId === id);
  const props = linkedMark(id, { kind, pressed, activate });
  if (kind === 'button') {
    return (
      <button type="button" {...props}>
        {id}
      </button>
    );
  }
  if (kind === 'row') {
    return (
      <table>
        <tbody>
          <tr data-testid={id} {...props}>
            <td>
              <a href="#x">link in {id}</a>
            </td>
          </tr>
        </tbody>
      </table>
    );
  }
  return (
    <svg>
      <g data-testid={id} aria-label={id} {...props} />
    </svg>
  );
}

const state = () => useAppStore.getState();

beforeEach(() => resetAppStore());

describe('useLinkedMark', () => {
  it('a chart mark is a button: Enter and Space select and deselect it, hover and focus set and clear the hover', () => {
    render(<Mark id="alpaca" kind="mark" />);
    const mark = screen.getByRole('button', { name: 'alpaca' });
    expect(mark).toHaveAttribute('tabindex', '0');
    expect(mark).toHaveAttribute('aria-pressed', 'false');

    fireEvent.keyDown(mark, { key: 'Enter' });
    expect(state().selectedId).toBe('alpaca');
    expect(mark).toHaveAttribute('aria-pressed', 'true');
    const space = fireEvent.keyDown(mark, { key: ' ' });
    expect(state().selectedId).toBeNull();
    // Space does not also scroll the page.
    expect(space).toBe(false);
    fireEvent.keyDown(mark, { key: 'a' });
    expect(state().selectedId).toBeNull();

    fireEvent.mouseEnter(mark);
    expect(state().hoveredId).toBe('alpaca');
    fireEvent.mouseLeave(mark);
    expect(state().hoveredId).toBeNull();
    fireEvent.focus(mark);
    expect(state().hoveredId).toBe('alpaca');
    fireEvent.blur(mark);
    expect(state().hoveredId).toBeNull();

    fireEvent.click(mark);
    expect(state().selectedId).toBe('alpaca');
  });

  it('runs its own action instead of selecting when given one', () => {
    const activate = vi.fn();
    render(<Mark id="llama" kind="mark" activate={activate} />);
    const mark = screen.getByRole('button', { name: 'llama' });
    fireEvent.click(mark);
    fireEvent.keyDown(mark, { key: 'Enter' });
    expect(activate).toHaveBeenCalledTimes(2);
    expect(state().selectedId).toBeNull();
  });

  it('a <button> keeps its own keys: a click selects, hover and focus set and clear the hover', () => {
    render(<Mark id="koala" kind="button" />);
    const button = screen.getByRole('button', { name: 'koala' });
    expect(button).not.toHaveAttribute('role');
    fireEvent.click(button);
    expect(state().selectedId).toBe('koala');
    expect(button).toHaveAttribute('aria-pressed', 'true');
    fireEvent.mouseEnter(button);
    expect(state().hoveredId).toBe('koala');
    fireEvent.blur(button);
    expect(state().hoveredId).toBeNull();
  });

  it('a row answers only its own focus, keys and clicks, not those of a link inside it', () => {
    render(<Mark id="sam" kind="row" />);
    const row = screen.getByTestId('sam');
    const link = screen.getByRole('link', { name: 'link in sam' });
    expect(row).toHaveAttribute('tabindex', '0');
    expect(row).toHaveAttribute('aria-selected', 'false');

    fireEvent.click(link);
    fireEvent.keyDown(link, { key: 'Enter' });
    fireEvent.focus(link);
    expect(state().selectedId).toBeNull();
    expect(state().hoveredId).toBeNull();

    fireEvent.keyDown(row, { key: ' ' });
    expect(state().selectedId).toBe('sam');
    expect(row).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(row);
    expect(state().selectedId).toBeNull();
    fireEvent.focus(row);
    expect(state().hoveredId).toBe('sam');
    fireEvent.mouseLeave(row);
    expect(state().hoveredId).toBeNull();
  });
});
