import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import { useAppStore } from '../../store';

/**
 * What a mark is, which decides the props it needs to take part in the linked views:
 * - 'mark': an SVG shape acting as a button: it needs a role, a tab stop and Enter/Space itself.
 * - 'button': a <button>, which turns Enter and Space into a click on its own.
 * - 'row': a table row holding links and checkboxes: it is a tab stop and shows aria-selected;
 *   only the row's own focus, keys and clicks count, not those of a control inside it.
 */
export type LinkedMarkKind = 'mark' | 'button' | 'row';

export interface LinkedMarkOptions {
  kind?: LinkedMarkKind;
  /** Shown as pressed (aria-selected for a row): usually "its system is the selected one". */
  pressed: boolean;
  /** What a click, Enter or Space does instead of toggling the selection (the lineage filters by a parent). */
  activate?: () => void;
}

export interface LinkedMarkProps {
  role?: 'button';
  tabIndex?: 0;
  'aria-pressed'?: boolean;
  'aria-selected'?: boolean;
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onFocus: (e: FocusEvent<Element>) => void;
  onBlur: (e: FocusEvent<Element>) => void;
  onClick: (e: MouseEvent<Element>) => void;
  onKeyDown?: (e: KeyboardEvent<Element>) => void;
}

/** A keydown handler that runs `run` on Enter or Space, which would otherwise scroll the page. */
export function onEnterOrSpace(run: () => void): (e: KeyboardEvent<Element>) => void {
  return (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      run();
    }
  };
}

/** A click that landed on a link, button, checkbox or other focusable control inside the mark is that control's. */
function onInnerControl(e: MouseEvent<Element>): boolean {
  const control = (e.target as Element).closest('a, button, input, label, abbr, [tabindex="0"]');
  return control !== null && control !== e.currentTarget;
}

/**
 * The one wiring of a mark in the linked views (chart marks, table rows, chips): hovering or
 * focusing it highlights its system everywhere, leaving clears that; a click, Enter or Space
 * toggles its selection. Returns a function, so a view can wire each mark it draws in a loop:
 * `<g {...linkedMark(id, { pressed: id === selectedId })}>`. It reads no selection itself, so a
 * mark that subscribes only to "am I selected" does not re-render on every other mark's change.
 */
export function useLinkedMark(): (id: string, options: LinkedMarkOptions) => LinkedMarkProps {
  const hover = useAppStore((s) => s.hover);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  return (id, { kind = 'mark', pressed, activate }) => {
    const run = activate ?? (() => toggleSelected(id));
    const pointer = { onMouseEnter: () => hover(id), onMouseLeave: () => hover(null) };
    switch (kind) {
      case 'mark':
        return {
          role: 'button',
          tabIndex: 0,
          'aria-pressed': pressed,
          ...pointer,
          onFocus: () => hover(id),
          onBlur: () => hover(null),
          onClick: run,
          onKeyDown: onEnterOrSpace(run),
        };
      case 'button':
        return { 'aria-pressed': pressed, ...pointer, onFocus: () => hover(id), onBlur: () => hover(null), onClick: run };
      case 'row': {
        const keys = onEnterOrSpace(run);
        return {
          tabIndex: 0,
          'aria-selected': pressed,
          ...pointer,
          onFocus: (e) => e.target === e.currentTarget && hover(id),
          onBlur: (e) => e.target === e.currentTarget && hover(null),
          onClick: (e) => !onInnerControl(e) && run(),
          onKeyDown: (e) => e.target === e.currentTarget && keys(e),
        };
      }
    }
  };
}
