import { describe, expect, it } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { ancestorsOf, baseOptionLabel, buildBaseOptions, buildChildrenIndex, descendantsOf, familyName } from './lineage';

describe('lineage walk', () => {
  const ds = miniDataset();
  const children = buildChildrenIndex(ds.systems);

  it('includes the root and every descendant, through several generations', () => {
    expect([...descendantsOf(['fam-small'], children)].sort()).toEqual(['child', 'fam-small', 'grandchild']);
  });

  it('follows component links too (a vision tower makes its user a descendant)', () => {
    expect([...descendantsOf(['vision'], children)].sort()).toEqual(['grandchild', 'vision']);
  });

  it('a leaf is its own only member', () => {
    expect([...descendantsOf(['closed'], children)]).toEqual(['closed']);
  });

  it('terminates on a cycle instead of looping', () => {
    const cyclic = buildChildrenIndex([
      { id: 'a', baseModels: [{ id: 'b', relation: 'fine-tuned-from', sources: ['s'] }] },
      { id: 'b', baseModels: [{ id: 'a', relation: 'fine-tuned-from', sources: ['s'] }] },
    ]);
    expect([...descendantsOf(['a'], cyclic)].sort()).toEqual(['a', 'b']);
  });

  it('lists ancestors nearest first', () => {
    expect(ancestorsOf('grandchild', ds.systems)).toEqual(['child', 'vision', 'fam-small']);
    expect(ancestorsOf('fam-small', ds.systems)).toEqual([]);
  });

  it('offers families first, then systems that something is built on', () => {
    const options = buildBaseOptions(ds);
    expect(options.map((o) => o.id)).toEqual(['fam', 'child', 'fam-small', 'vision']);
    expect(options[0]).toMatchObject({ label: 'Fam (all sizes)', roots: ['fam-small', 'fam-large'], isFamily: true });
  });

  it('names a family in Chinese when the dataset gives its Chinese name, and keeps one name otherwise', () => {
    const withZh = { ...ds, families: ds.families.map((f) => ({ ...f, nameZh: 'Fam（全部尺寸）' })) };
    const [option] = buildBaseOptions(withZh);
    expect(baseOptionLabel(option, 'zh-CN')).toBe('Fam（全部尺寸）');
    expect(baseOptionLabel(option, 'en')).toBe('Fam (all sizes)');
    expect(familyName(withZh.families[0], 'zh-CN')).toBe('Fam（全部尺寸）');
    expect(familyName(ds.families[0], 'zh-CN')).toBe('Fam (all sizes)');
  });
});
