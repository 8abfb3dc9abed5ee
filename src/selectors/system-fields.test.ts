import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { translate } from '../i18n/i18n';
import { cellExportText, collectSourceIds, FIELD_IDS, selectFieldRows } from './system-fields';
import { fullTableAsRows, systemsAsJson, tableAsRows } from './table-export';

const ds = bundledDataset();
const en = (k: string, e: string, v?: Record<string, string | number>) => translate('en', k, e, v);
const zh = (k: string, e: string, v?: Record<string, string | number>) => translate('zh-CN', k, e, v);
const rows = selectFieldRows(ds, 'en', en);
const row = (id: string) => {
  const r = rows.get(id);
  if (!r) throw new Error(id);
  return r;
};

describe('field cells from the bundled data', () => {
  it('Alpaca: the source’s “less than” costs, reported, with the talk’s differing claim', () => {
    const c = row('alpaca').trainingCost;
    expect(c).toMatchObject({ status: 'reported', text: '<$500 data + <$100 training', sortKey: 600 });
    expect(c.talks).toEqual([expect.objectContaining({ relation: 'differs', text: '$500 (data) + $100 (training)' })]);
    expect(c.sources.length).toBeGreaterThan(0);
  });

  it('GPT-3: several published estimates shown as a spread, never merged, sorted by the lowest', () => {
    const c = row('gpt-3').trainingCost;
    expect(c.status).toBe('estimated');
    // Lambda's 2020 dollars beside Epoch's 2023 dollars, cloud rental beside amortised hardware: the cell says so.
    expect(c.text).toBe('$2.06M–$4.6M (4 figures; mixed: 2020 and 2023 dollars; cloud rental and amortised hardware prices)');
    expect(c.sortKey).toBe(2056969);
    expect(cellExportText(c, en)).toBe(`${c.text} est.`);
  });

  it('Vicuna: a spot and an on-demand price are a mixed range, in the cell and the CSV', () => {
    const c = row('vicuna-13b').trainingCost;
    expect(c.text).toBe('$300–$1,000 (2 figures; mixed: spot and on-demand prices)');
    expect(cellExportText(c, en)).toBe(c.text);
    expect(row('vicuna-7b').trainingCost.text).toContain('mixed: spot and on-demand prices');
    expect(rows.get('alpaca')!.trainingCost.text).not.toContain('mixed');
  });

  it('every talk claim reaches its cell, agreeing ones too; other dates and the venue under the release', () => {
    const gpt3 = row('gpt-3').release;
    expect(gpt3.text).toBe('May 28, 2020');
    expect(gpt3.also).toEqual([
      {
        text: 'also Jun 11, 2020: OpenAI API announced as a private beta',
        talk: expect.objectContaining({ text: '2020 年 6 月', relation: 'agrees' }),
      },
    ]);
    expect(row('chatgpt').release.talks).toEqual([expect.objectContaining({ relation: 'agrees', text: '2022 年 11 月 30 日' })]);
    expect(row('chatllama').weights.talks).toEqual([expect.objectContaining({ relation: 'differs' })]);
    expect(row('clip').weights.talks).toEqual([expect.objectContaining({ text: 'OpenAI 开源了 CLIP 模型', relation: 'unverified' })]);
    expect(row('colossalchat').organization).toMatchObject({
      text: 'HPC-AI Tech',
      talks: [{ text: '加州大学伯克利分校', relation: 'differs', gloss: 'UC Berkeley' }],
    });
    expect(row('sustainable-ai').release.also).toEqual([
      { text: expect.stringMatching(/^venue: MLSys 2022/), talk: expect.objectContaining({ text: 'ICLR, 2023', relation: 'differs' }) },
    ]);
    expect(row('pytorch-2').co2).toMatchObject({ status: 'unknown', talks: [{ relation: 'unverified' }] });
  });

  it('missing values are words with no sort key: not disclosed ≠ unknown ≠ not applicable', () => {
    expect(row('chatgpt').parameters).toMatchObject({ status: 'not-disclosed', text: 'not disclosed', sortKey: undefined });
    expect(row('freedomgpt').release).toMatchObject({ status: 'unknown', text: 'unknown', sortKey: undefined });
    expect(row('pytorch-2').parameters).toMatchObject({ status: 'not-applicable', text: '—', sortKey: undefined });
  });

  it('numbers sort by value: 7B before 13B before 175B', () => {
    const keys = ['llama-7b', 'llama-13b', 'gpt-3'].map((id) => row(id).parameters.sortKey as number);
    expect(keys[0]).toBeLessThan(keys[1]);
    expect(keys[1]).toBeLessThan(keys[2]);
    expect(row('vicuna-7b').trainingCost.sortKey).toBe(140);
  });

  it('GPU-hours carry the hardware and how they were derived', () => {
    expect(row('alpaca').gpuHours).toMatchObject({ text: '24 · A100-80GB', sortKey: 24, detail: '8 GPUs × 3 h' });
    expect(row('llama-65b').gpuHours.text).toBe('1,022,362 · A100-80GB');
  });

  it('access cells say public / not public and keep the terms', () => {
    expect(row('llama-13b').weights).toMatchObject({ available: true, text: 'public' });
    expect(row('gpt-4').weights).toMatchObject({ available: false, text: 'not public' });
  });

  it('dates keep their precision; month-only dates sort at the start of the month', () => {
    expect(row('alpaca').release).toMatchObject({ text: 'Mar 13, 2023', sortKey: '2023-03-13' });
  });

  it('rows are built once per dataset and language', () => {
    expect(selectFieldRows(ds, 'en', en)).toBe(rows);
    const zhRows = selectFieldRows(ds, 'zh-CN', zh);
    expect(zhRows).not.toBe(rows);
    expect(zhRows.get('chatgpt')?.parameters.text).toBe('未公开');
  });

  it('a cell is made when first read, once, and reads as a plain property', () => {
    const calls: string[] = [];
    const counting = (k: string, e: string, v?: Record<string, string | number>) => (calls.push(k), en(k, e, v));
    const lazy = selectFieldRows({ ...ds }, 'en', counting);
    expect(calls).toEqual([]);
    const chatgpt = lazy.get('chatgpt');
    if (!chatgpt) throw new Error('chatgpt');
    const cell = chatgpt.parameters;
    expect(calls).toEqual(['fact.not-disclosed']);
    expect(chatgpt.parameters).toBe(cell);
    expect(calls).toHaveLength(1);
    // Every field reads the same as in the rows the other tests here check (another translate, same language).
    for (const id of FIELD_IDS) expect(chatgpt[id], id).toEqual(row('chatgpt')[id]);
    // The cache and context stay private: a row's own keys are just its system.
    expect(Object.keys(chatgpt)).toEqual(['system']);
  });
});

describe('exports', () => {
  it('the view’s CSV rows are the visible columns’ cell texts, header in the UI language', () => {
    const picked = ['alpaca', 'gpt-3'].map(row);
    const en1 = tableAsRows(picked, ['name', 'trainingCost', 'parameters'], en, ds);
    expect(en1.header).toEqual(['Name', 'Training cost (USD)', 'Parameters', 'Record (JSON, for re-import)']);
    expect(en1.body[0].slice(0, 3)).toEqual(['Alpaca', '<$500 data + <$100 training', '7B']);
    // The last cell is the record itself with the sources it cites.
    const record = JSON.parse(en1.body[0][3]);
    expect(record.system).toEqual(JSON.parse(JSON.stringify(ds.systems.find((s) => s.id === 'alpaca'))));
    expect(record.sources.map((s: { id: string }) => s.id).sort()).toEqual([...collectSourceIds(record.system)].sort());
    expect(en1.body[1][1]).toMatch(/ est\.$/);
    const zh1 = tableAsRows(picked, ['name', 'parameters'], zh, ds);
    expect(zh1.header).toEqual(['名称', '参数量', '记录（JSON，用于重新导入）']);
  });

  it('the full CSV has every system and every field', () => {
    const all = fullTableAsRows(ds, rows, en);
    expect(all.body).toHaveLength(ds.systems.length);
    expect(all.header).toHaveLength(18);
  });

  it('the view’s JSON keeps whole records and only the sources they cite', () => {
    const systems = ds.systems.filter((s) => s.id === 'alpaca');
    const doc = JSON.parse(systemsAsJson(ds, systems, 'note'));
    expect(doc.systems).toEqual(JSON.parse(JSON.stringify(systems)));
    const cited = new Set(
      JSON.stringify(systems)
        .match(/"sources":\[[^\]]*\]/g)
        ?.flatMap((m) => JSON.parse(m.slice(10))) ?? [],
    );
    expect(new Set(doc.sources.map((s: { id: string }) => s.id))).toEqual(cited);
  });
});
