import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildExportZip } from './zip';

describe('buildExportZip', () => {
  it('holds every file under its name with the same bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const zip = buildExportZip([
      { name: 'README.txt', data: 'Filters: Base model: LLaMA · 数据' },
      { name: 'a.png', data: png },
      { name: 'a.csv', data: 'x,y\r\n1,2\r\n' },
    ]);
    expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const out = unzipSync(zip);
    expect(Object.keys(out).sort()).toEqual(['README.txt', 'a.csv', 'a.png']);
    expect(strFromU8(out['README.txt'])).toBe('Filters: Base model: LLaMA · 数据');
    expect([...out['a.png']]).toEqual([...png]);
    expect(strFromU8(out['a.csv'])).toBe('x,y\r\n1,2\r\n');
  });

  it('makes a valid empty zip', () => {
    expect(Object.keys(unzipSync(buildExportZip([])))).toEqual([]);
  });
});
