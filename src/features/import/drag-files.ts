/** A drag that carries files (not text or a link dragged within the page). */
export function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}
