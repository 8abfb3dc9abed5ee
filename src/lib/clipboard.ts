/**
 * Copies text with the async Clipboard API. Resolves false where there is none (a page not served
 * over HTTPS, an iframe without clipboard permission, an old browser) or the browser refuses; the
 * caller then shows the text selected for copying by hand, so copying never fails silently.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
