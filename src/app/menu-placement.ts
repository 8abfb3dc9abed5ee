/**
 * Keeps a dropdown menu (a `details.facet` and its `.facet-panel`: the filter menus, the Export
 * menus, the explorer's column picker and Download menu) inside the screen on a wide screen. A
 * panel hangs under its button; when that would run past the bottom of the screen and there is
 * more room above, it opens upwards, and when it would run past a side, it lines up with the
 * button's other edge. Classes only (the CSP allows no inline styles): app.css places them.
 * On a phone the panel is a sheet fixed to the bottom of the screen (app.css): it is not moved,
 * and a tap outside it closes it.
 */
export const OPENS_UP = 'opens-up';
/** The panel's right edge lines up with the button's (it would run past the right of the screen). */
export const OPENS_END = 'opens-end';
/** The panel's left edge lines up with the button's (it would run past the left of the screen). */
export const OPENS_START = 'opens-start';
const PLACEMENTS = [OPENS_UP, OPENS_END, OPENS_START];

/** Decides where an open menu's panel goes, from its place as laid out by the stylesheet alone. */
export function placeMenu(details: HTMLDetailsElement): void {
  details.classList.remove(...PLACEMENTS);
  if (!details.open) return;
  const panel = details.querySelector<HTMLElement>(':scope > .facet-panel');
  const button = details.querySelector<HTMLElement>(':scope > summary');
  if (!panel || !button || getComputedStyle(panel).position === 'fixed') return;
  const root = document.documentElement;
  // The viewport without its scroll bars; jsdom (no layout) reports 0, then the window's size.
  const width = root.clientWidth || window.innerWidth;
  const height = root.clientHeight || window.innerHeight;
  const box = panel.getBoundingClientRect();
  const anchor = button.getBoundingClientRect();
  if (box.bottom > height && anchor.top > height - anchor.bottom) details.classList.add(OPENS_UP);
  if (box.right > width) details.classList.add(OPENS_END);
  else if (box.left < 0) details.classList.add(OPENS_START);
  // Taller than the room on either side: scroll the page so all of it shows, as far as it can.
  const placed = panel.getBoundingClientRect();
  if (placed.top < 0 || placed.bottom > height) panel.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

/**
 * A phone's menu sheet covers the bottom of the screen, and it stays put while the page scrolls,
 * maybe over its own button: a tap anywhere else closes it (the filter menus close so at every width).
 */
export function closeSheetsOutside(target: EventTarget | null): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.facet[open]')) {
    if (target instanceof Node && details.contains(target)) continue;
    const panel = details.querySelector<HTMLElement>(':scope > .facet-panel');
    if (panel && getComputedStyle(panel).position === 'fixed') details.open = false;
  }
}

/**
 * Places every menu as it opens (`toggle` does not bubble: the listener catches it on the way
 * down), and again whenever its panel changes size while open: a filter menu renders its options
 * and an Export menu its dark-theme option just after opening. The resize observer reports after
 * layout and before paint, so the panel is re-placed before it is drawn at its new size. A tap
 * outside a phone's menu sheet closes it.
 */
export function startMenuPlacement(): () => void {
  const resized =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          for (const { target } of entries) {
            const details = target.parentElement;
            if (details instanceof HTMLDetailsElement && details.open) placeMenu(details);
          }
        });
  const onToggle = (e: Event) => {
    const details = e.target;
    if (!(details instanceof HTMLDetailsElement && details.classList.contains('facet'))) return;
    placeMenu(details);
    const panel = details.querySelector(':scope > .facet-panel');
    if (panel && details.open) resized?.observe(panel);
    else if (panel) resized?.unobserve(panel);
  };
  const onPointerDown = (e: PointerEvent) => closeSheetsOutside(e.target);
  document.addEventListener('toggle', onToggle, true);
  document.addEventListener('pointerdown', onPointerDown);
  return () => {
    document.removeEventListener('toggle', onToggle, true);
    document.removeEventListener('pointerdown', onPointerDown);
    resized?.disconnect();
  };
}
