// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeSheetsOutside, OPENS_END, OPENS_START, OPENS_UP, placeMenu, startMenuPlacement } from './menu-placement';

// jsdom has no layout: each element's box is given by hand, in a 1000×800 window.
const boxes = new Map<Element, DOMRect>();
const rect = (left: number, top: number, width: number, height: number) => new DOMRect(left, top, width, height);

function menu() {
  const details = document.createElement('details');
  details.className = 'facet';
  details.innerHTML = '<summary>Export</summary><div class="facet-panel"><button type="button">PNG</button></div>';
  document.body.append(details);
  const [summary, panel] = [...details.children];
  return { details, summary, panel: panel as HTMLElement };
}

let stop: (() => void) | undefined;
beforeEach(() => {
  vi.stubGlobal('innerWidth', 1000);
  vi.stubGlobal('innerHeight', 800);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return boxes.get(this) ?? rect(0, 0, 0, 0);
  });
});
afterEach(() => {
  stop?.();
  stop = undefined;
  boxes.clear();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('menu placement', () => {
  it('leaves a menu with room below it as the stylesheet places it', () => {
    const { details, summary, panel } = menu();
    details.open = true;
    boxes.set(summary, rect(100, 100, 80, 36));
    boxes.set(panel, rect(100, 140, 240, 300));
    placeMenu(details);
    expect([...details.classList]).toEqual(['facet']);
  });

  it('opens upwards near the bottom of the screen, and forgets it on closing', () => {
    const { details, summary, panel } = menu();
    details.open = true;
    boxes.set(summary, rect(100, 740, 80, 36));
    boxes.set(panel, rect(100, 780, 240, 300));
    placeMenu(details);
    expect(details.classList.contains(OPENS_UP)).toBe(true);
    details.open = false;
    placeMenu(details);
    expect(details.classList.contains(OPENS_UP)).toBe(false);
  });

  it('stays below when there is more room below than above, and scrolls the panel into view', () => {
    const { details, summary, panel } = menu();
    const scroll = vi.fn();
    panel.scrollIntoView = scroll;
    details.open = true;
    boxes.set(summary, rect(100, 200, 80, 36));
    boxes.set(panel, rect(100, 240, 240, 700));
    placeMenu(details);
    expect(details.classList.contains(OPENS_UP)).toBe(false);
    expect(scroll).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
  });

  it('lines the panel up with the button’s other edge when it would run past a side', () => {
    const right = menu();
    right.details.open = true;
    boxes.set(right.summary, rect(900, 100, 80, 36));
    boxes.set(right.panel, rect(900, 140, 240, 200));
    placeMenu(right.details);
    expect(right.details.classList.contains(OPENS_END)).toBe(true);

    const left = menu();
    left.details.open = true;
    boxes.set(left.summary, rect(10, 100, 80, 36));
    boxes.set(left.panel, rect(-150, 140, 240, 200));
    placeMenu(left.details);
    expect(left.details.classList.contains(OPENS_START)).toBe(true);
  });

  it('does nothing to a panel fixed to the screen (the phone’s bottom sheet)', () => {
    const { details, summary, panel } = menu();
    vi.spyOn(window, 'getComputedStyle').mockReturnValue({ position: 'fixed' } as CSSStyleDeclaration);
    details.open = true;
    boxes.set(summary, rect(100, 740, 80, 36));
    boxes.set(panel, rect(0, 500, 1000, 300));
    placeMenu(details);
    expect([...details.classList]).toEqual(['facet']);
  });

  it('places a menu when it opens, from the toggle event (which does not bubble)', () => {
    stop = startMenuPlacement();
    const { details, summary, panel } = menu();
    boxes.set(summary, rect(100, 740, 80, 36));
    boxes.set(panel, rect(100, 780, 240, 300));
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    expect(details.classList.contains(OPENS_UP)).toBe(true);
  });

  it('closes a menu shown as a sheet at a tap outside it, not at a tap inside; a dropdown stays open', () => {
    const sheet = menu();
    const dropdown = menu();
    sheet.details.open = true;
    dropdown.details.open = true;
    const fixed = vi.fn((el: Element) => ({ position: el === sheet.panel ? 'fixed' : 'absolute' }) as CSSStyleDeclaration);
    vi.spyOn(window, 'getComputedStyle').mockImplementation(fixed);
    closeSheetsOutside(sheet.panel.querySelector('button'));
    expect(sheet.details.open).toBe(true);
    closeSheetsOutside(document.body);
    expect(sheet.details.open).toBe(false);
    expect(dropdown.details.open).toBe(true);
  });

  it('places an open menu again when its panel grows (options rendered after opening), and stops watching it when closed', () => {
    let report: ResizeObserverCallback = () => {};
    const watched = new Set<Element>();
    class FakeResizeObserver {
      constructor(callback: ResizeObserverCallback) {
        report = callback;
      }
      observe = (el: Element) => watched.add(el);
      unobserve = (el: Element) => watched.delete(el);
      disconnect = () => watched.clear();
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    stop = startMenuPlacement();
    const { details, summary, panel } = menu();
    boxes.set(summary, rect(100, 600, 80, 36));
    boxes.set(panel, rect(100, 640, 240, 40));
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    expect(details.classList.contains(OPENS_UP)).toBe(false);
    expect(watched.has(panel)).toBe(true);
    boxes.set(panel, rect(100, 640, 240, 300));
    report([{ target: panel } as unknown as ResizeObserverEntry], {} as ResizeObserver);
    expect(details.classList.contains(OPENS_UP)).toBe(true);
    details.open = false;
    details.dispatchEvent(new Event('toggle'));
    expect(watched.has(panel)).toBe(false);
    expect(details.classList.contains(OPENS_UP)).toBe(false);
  });
});
