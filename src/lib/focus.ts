/**
 * For a control that goes away with what it changed (the imported banner's "Back", a notice's
 * buttons): keyboard focus would fall to <body> and Tab would start over at the top of the page.
 * The page's main region (the app's `<main id="main" tabIndex={-1}>`, the skip link's target) takes
 * it instead, without scrolling.
 */
export function focusMain(): void {
  document.getElementById('main')?.focus({ preventScroll: true });
}
