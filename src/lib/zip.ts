import { strToU8, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/**
 * A zip of `files` (strings stored as UTF-8), pure and synchronous. Already-compressed PNGs are
 * stored, everything else deflated. A repeated name keeps the last entry.
 */
export function buildExportZip(files: ZipEntry[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) {
    const data = typeof f.data === 'string' ? strToU8(f.data) : f.data;
    tree[f.name] = [data, { level: /\.png$/i.test(f.name) ? 0 : 6 }];
  }
  return zipSync(tree);
}
