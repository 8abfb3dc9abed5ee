import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, withDpi } from './png-dpi';

/** A valid 1×1 PNG built here: signature, IHDR, IDAT, IEND, each with its CRC. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat([...data]));
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(body, 4);
    v.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = new Uint8Array(deflateSync(Buffer.from([0, 255, 255, 255])));
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ];
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

const chunkTypes = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset);
  const types: string[] = [];
  for (let o = 8; o + 12 <= png.length; o += 12 + v.getUint32(o)) types.push(String.fromCharCode(...png.subarray(o + 4, o + 8)));
  return types;
};

describe('withDpi', () => {
  it('knows the CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('adds pHYs after IHDR with 300 dpi in pixels per metre, and a valid CRC', () => {
    const out = withDpi(tinyPng(), 300);
    expect(chunkTypes(out)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const v = new DataView(out.buffer);
    const at = 8 + 25; // after the signature and IHDR (12 + 13)
    expect(v.getUint32(at + 8)).toBe(11811);
    expect(v.getUint32(at + 12)).toBe(11811);
    expect(out[at + 16]).toBe(1);
    expect(v.getUint32(at + 17)).toBe(crc32(out.subarray(at + 4, at + 17)));
  });

  it('replaces an existing pHYs rather than adding a second', () => {
    const twice = withDpi(withDpi(tinyPng(), 72), 300);
    expect(chunkTypes(twice)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
  });

  it('refuses what is not a PNG', () => {
    expect(() => withDpi(new Uint8Array(40), 300)).toThrow('not a PNG');
  });
});
