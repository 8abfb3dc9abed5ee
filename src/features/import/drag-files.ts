/** A drag that carries files (not text or a link dragged within the page). */
export function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

interface FileDropHandlers {
  /** A file drag entered the page (first `dragenter`). */
  onEnter?: () => void;
  /** Whether a drop would be taken now (sets the drag's cursor). */
  accepts: () => boolean;
  setDragging: (dragging: boolean) => void;
  /** The dropped file; called only when `accepts()`. */
  onDrop: (file: File) => void;
}

/**
 * Watches the whole page for files dragged over it: highlight while one is over the page (nested
 * enter/leave counted), keep the browser from opening a dropped file in place of the page, and
 * hand the file on. Returns the cleanup.
 */
export function watchFileDrops({ onEnter, accepts, setDragging, onDrop }: FileDropHandlers): () => void {
  let depth = 0;
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    onEnter?.();
    depth += 1;
    setDragging(true);
  };
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    // Without this the browser would open the file in place of the page.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = accepts() ? 'copy' : 'none';
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) setDragging(false);
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file && accepts()) onDrop(file);
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}
