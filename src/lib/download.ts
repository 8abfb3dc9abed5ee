/**
 * Some browsers (older Safari and Firefox) abort a download whose blob URL is revoked in the
 * same task as the click, so the URL is released a little later.
 */
const REVOKE_DELAY_MS = 1000;

/** Saves `text` as a file through a temporary `<a download>`; the browser picks the folder. */
export function downloadText(filename: string, text: string, mime: string): void {
  downloadBlob(filename, new Blob([text], { type: mime }));
}

/** Saves a blob (an image, a zip…) the same way. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
