import { systemSchema, TEXT_LIMITS, type Access, type GpuHours, type Modality, type Source, type System } from '../data/schema';
import { splitCellList } from './csv-text';
import { baseGraph, addEdge, wouldCycle } from './lineage';
import type { ReportParts } from './report';
import type { ColumnMapping, PendingBaseModel } from './types';
import {
  clip,
  isNoValue,
  longerThan,
  normaliseHeader,
  normaliseName,
  parseDateText,
  parseHttpUrl,
  parsePositiveNumber,
  slugify,
  splitList,
  uniqueIdMaker,
} from './values';
import { importText } from './import-text';

/*
 * Epoch AI's "all ML systems" / "notable models" CSV, any release of its columns (42–88 of them,
 * the name column called "System" in older releases and "Model" now, cost in "(2020 USD)" or
 * "(2023 USD)"). Columns are found by a table of aliases on normalised headers, never by
 * position; the same row mapper reads any other CSV whose header names fields we know.
 */

export type CsvField =
  | 'name'
  | 'organization'
  | 'release'
  | 'parameters'
  | 'flop'
  | 'flopMethod'
  | 'hardware'
  | 'chipHours'
  | 'hardwareQuantity'
  | 'trainingHours'
  | 'baseModel'
  | 'weights'
  | 'trainingCode'
  | 'domain'
  | 'task'
  | 'link';

/** The dataset field each column fills, as said in the report's "mapped" list. */
const FIELD_TARGET: Record<CsvField, string> = {
  name: 'name (and id)',
  organization: 'organizations',
  release: 'release',
  parameters: 'parameters',
  flop: 'flop',
  flopMethod: 'flop.method',
  hardware: 'hardware, gpuHours.hardware',
  chipHours: 'gpuHours.hours',
  hardwareQuantity: 'gpuHours.gpuCount',
  trainingHours: 'gpuHours.wallClockHours',
  baseModel: 'baseModels',
  weights: 'weights',
  trainingCode: 'trainingCode',
  domain: 'modality, summary',
  task: 'summary',
  link: 'links, sources',
};

/**
 * The longest cell each column may hold, in characters: what the field it fills allows (see
 * TEXT_LIMITS in the schema). A longer cell rejects its row before anything is built from it.
 */
const NUMBER_CELL = 100;
/** A list of names in one cell (organizations, base models). */
const LIST_CELL = 5000;
export const CELL_LIMITS: Record<CsvField, number> = {
  name: TEXT_LIMITS.name,
  organization: LIST_CELL,
  release: TEXT_LIMITS.name,
  parameters: NUMBER_CELL,
  flop: NUMBER_CELL,
  flopMethod: TEXT_LIMITS.name,
  hardware: TEXT_LIMITS.name,
  chipHours: NUMBER_CELL,
  hardwareQuantity: NUMBER_CELL,
  trainingHours: NUMBER_CELL,
  baseModel: LIST_CELL,
  weights: TEXT_LIMITS.name,
  trainingCode: TEXT_LIMITS.name,
  // The summary is "domain · task (imported from …)", within the schema's note limit.
  domain: TEXT_LIMITS.name,
  task: 1000,
  link: TEXT_LIMITS.url,
};

/** Epoch's column names across releases, normalised (see `normaliseHeader`). */
export const EPOCH_ALIASES: Record<CsvField, readonly string[]> = {
  name: ['model', 'system'],
  organization: ['organization', 'organisation', 'organization(s)'],
  release: ['publication date'],
  parameters: ['parameters'],
  flop: ['training compute (flop)', 'training compute (flops)'],
  flopMethod: ['training compute estimation method'],
  hardware: ['training hardware'],
  chipHours: ['training chip-hours', 'training chip hours'],
  hardwareQuantity: ['hardware quantity'],
  trainingHours: ['training time (hours)'],
  baseModel: ['base model'],
  weights: ['model accessibility'],
  trainingCode: ['training code accessibility'],
  domain: ['domain'],
  task: ['task'],
  link: ['link'],
};

/** Cost columns carry their dollar year: "Training compute cost (2023 USD)". */
const COST_COLUMN = /^training compute cost \((\d{4}) usd\)$/;

/** Headers only Epoch's file has; three of them (plus its name column) make a file Epoch's. */
const EPOCH_SIGNATURE = [
  'domain',
  'task',
  'authors',
  'publication date',
  'reference',
  'link',
  'training compute (flop)',
  'model accessibility',
  'notability criteria',
  'training hardware',
];

export function looksLikeEpoch(header: readonly string[]): boolean {
  const names = new Set(header.map(normaliseHeader));
  const hasName = names.has('model') || names.has('system');
  return hasName && EPOCH_SIGNATURE.filter((h) => names.has(h)).length >= 3;
}

export interface ColumnPlan {
  index: Partial<Record<CsvField, number>>;
  costs: { index: number; year: number }[];
  mapped: ColumnMapping[];
  ignored: string[];
}

/** Finds each field's column by its aliases; the first matching column wins, the rest are ignored. */
export function planColumns(header: readonly string[], aliases: Record<CsvField, readonly string[]>, warnings: string[]): ColumnPlan {
  const plan: ColumnPlan = { index: {}, costs: [], mapped: [], ignored: [] };
  const lookup = new Map<string, CsvField>();
  for (const [field, names] of Object.entries(aliases) as [CsvField, readonly string[]][]) {
    for (const n of names) if (!lookup.has(normaliseHeader(n))) lookup.set(normaliseHeader(n), field);
  }
  header.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    const field = lookup.get(h);
    if (field && plan.index[field] === undefined) {
      plan.index[field] = i;
      plan.mapped.push({ column: raw.replace(/^\uFEFF/, ''), field: FIELD_TARGET[field] });
      return;
    }
    const cost = COST_COLUMN.exec(h);
    if (cost) {
      const year = Number(cost[1]);
      if (year >= 2015 && year <= 2030) {
        plan.costs.push({ index: i, year });
        plan.mapped.push({ column: raw.replace(/^\uFEFF/, ''), field: 'trainingCost' });
        return;
      }
      warnings.push(importText('costYearIgnored', { column: raw.trim(), year }));
    }
    plan.ignored.push(raw.replace(/^\uFEFF/, ''));
  });
  return plan;
}

export interface MapProfile {
  /** The source every fact cites (the Epoch dataset itself, or the imported file). */
  source: Source;
  /** Who made the estimates of this file (flop, GPU-hours, cost). */
  estimator: string;
  /** Appended to each summary, e.g. "(imported from Epoch AI)". */
  summarySuffix: string;
  /** Reads "175B", "370M", "1750亿" as numbers (our own display text). */
  compactNumbers: boolean;
  /** Whose columns a derived figure comes from, e.g. "Epoch AI’s" (in "derived from Epoch AI’s hardware quantity × …"). */
  columnsOf: string;
}

export function epochSource(fileName: string): Source {
  return {
    id: 'epoch-ai-import',
    title: `Epoch AI, ‘Data on AI models’ (imported file ${clip(fileName.trim(), 200) || 'without a name'})`,
    url: 'https://epoch.ai/data/ai-models',
    grade: 'epoch',
    publisher: 'Epoch AI',
    note: 'CC BY 4.0, © Epoch AI. Read from a file the user imported.',
  };
}

export function epochProfile(fileName: string): MapProfile {
  return {
    source: epochSource(fileName),
    estimator: 'Epoch AI',
    summarySuffix: '(imported from Epoch AI)',
    compactNumbers: false,
    columnsOf: 'Epoch AI’s',
  };
}

export interface MappedRows {
  systems: System[];
  sources: Source[];
  pendingBaseModels: PendingBaseModel[];
}

/** One row as read, before base models are linked. */
interface RowDraft {
  system: System;
  baseNames: string[];
}

const NOT_STATED = 'not stated in the file';

export interface CsvRowMapper {
  /** Maps one data row (`rowNo` 1 = the first after the header). */
  add(cells: readonly string[], rowNo: number): void;
  /** Links base models among the rows read and returns the systems. */
  finish(): MappedRows;
}

/**
 * Maps data rows into systems, one at a time as the file is read. Never throws on a cell: a bad
 * value becomes a field problem; a row with a cell longer than its column allows, without a name,
 * or repeating an earlier one is rejected.
 */
export function createCsvRowMapper(header: readonly string[], plan: ColumnPlan, profile: MapProfile, parts: ReportParts): CsvRowMapper {
  const drafts: RowDraft[] = [];
  const rowSources: Source[] = [];
  const nextId = uniqueIdMaker();
  const seen = new Map<string, number>();
  const sid = profile.source.id;
  const { index } = plan;
  const columnName = (at: number) => header[at].replace(/^\uFEFF/, '').trim();
  // Each mapped column with its limit, the cost columns included, checked before a row is used.
  const limits: [number, number][] = [
    ...(Object.entries(index) as [CsvField, number][]).map(([f, at]): [number, number] => [at, CELL_LIMITS[f]]),
    ...plan.costs.map((c): [number, number] => [c.index, NUMBER_CELL]),
  ];

  const add = (cells: readonly string[], rowNo: number): void => {
    for (const [at, max] of limits) {
      const raw = cells[at] ?? '';
      if (longerThan(raw, max) && longerThan(raw.trim(), max)) {
        parts.rejected.push({ row: rowNo, field: columnName(at), reason: importText('tooLong', { max: max.toLocaleString('en-US') }) });
        return;
      }
    }
    const cell = (f: CsvField): string => {
      const at = index[f];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const problem = (f: CsvField | string, reason: string) => {
      const at = (index as Record<string, number | undefined>)[f];
      parts.fieldProblems.push({ row: rowNo, field: at !== undefined ? columnName(at) : f, reason });
    };
    const name = cell('name').replace(/\s+/g, ' ');
    if (!name || isNoValue(name)) {
      parts.rejected.push({ row: rowNo, field: index.name !== undefined ? columnName(index.name) : 'name', reason: importText('noName') });
      return;
    }
    const releaseText = cell('release');
    const dupKey = `${normaliseName(name)}|${releaseText}`;
    const earlier = seen.get(dupKey);
    if (earlier !== undefined) {
      parts.rejected.push({ row: rowNo, field: 'name', reason: importText('duplicateRow', { row: earlier }) });
      return;
    }
    seen.set(dupKey, rowNo);
    const id = nextId(slugify(name));
    const sources = [sid];

    // Release: a real date, else "unknown" saying what the file gives.
    let release: System['release'];
    const date = parseDateText(releaseText);
    if (date?.ok) {
      release = {
        status: 'reported',
        value: { date: date.value.date, precision: date.value.precision, marks: 'publication date given by the file' },
        sources,
      };
    } else if (date) {
      problem('release', date.reason);
      release = { status: 'unknown', note: date.reason };
    } else {
      release = { status: 'unknown', note: 'the file gives no date' };
    }

    let organizations = splitCellList(cell('organization'));
    if (organizations.length === 0) {
      problem('organization', 'no organization; recorded as “not stated in the file”');
      organizations = [NOT_STATED];
    }

    const domain = cell('domain');
    const task = cell('task');
    const summaryParts = [[domain, task].filter(Boolean).join(' · '), profile.summarySuffix].filter(Boolean);
    const system: System = {
      id,
      name,
      kind: 'model',
      organizations,
      inTalk: false,
      summary: summaryParts.join(' '),
      baseModels: [],
      release,
      otherDates: [],
      trainingCost: [],
      links: [],
    };

    const num = (f: CsvField, compact = false): number | undefined => {
      const parsed = parsePositiveNumber(cell(f), { compact });
      if (!parsed) return undefined;
      if (!parsed.ok) {
        problem(f, parsed.reason);
        return undefined;
      }
      return parsed.value;
    };

    const parameters = num('parameters', profile.compactNumbers);
    if (parameters !== undefined) system.parameters = { status: 'reported', value: parameters, sources };

    const flop = num('flop');
    if (flop !== undefined) {
      const how = cell('flopMethod');
      system.flop = { status: 'estimated', value: flop, sources, method: how ? `${profile.estimator} (${how})` : profile.estimator };
    }

    const hardware = cell('hardware');
    if (hardware) system.hardware = { status: 'reported', value: hardware, sources };
    const gpu = gpuHoursOf(
      { chipHours: num('chipHours'), count: num('hardwareQuantity'), wallClock: num('trainingHours') },
      hardware || NOT_STATED,
      sources,
      profile,
      () => problem('hardwareQuantity', `not a whole number of chips: “${cell('hardwareQuantity')}”`),
    );
    if (gpu) system.gpuHours = gpu;

    for (const { index: at, year } of plan.costs) {
      const raw = (cells[at] ?? '').trim();
      const usd = parsePositiveNumber(raw);
      if (!usd) continue;
      if (!usd.ok) {
        parts.fieldProblems.push({ row: rowNo, field: columnName(at), reason: usd.reason });
        continue;
      }
      system.trainingCost.push({
        status: 'estimated',
        value: {
          components: [{ component: 'training', usd: usd.value, bound: 'approx' }],
          dollarYear: year,
          basis: `${profile.estimator} estimate`,
        },
        sources,
        method: profile.estimator,
      });
    }

    const access = (text: string, open: (t: string) => boolean): Access => ({ available: open(text), terms: text });
    const weights = cell('weights');
    if (weights && !isNoValue(weights))
      system.weights = { status: 'reported', value: access(weights, (t) => /^open weights/i.test(t)), sources };
    const code = cell('trainingCode');
    if (code && !isNoValue(code)) system.trainingCode = { status: 'reported', value: access(code, (t) => /^open/i.test(t)), sources };

    const modality = modalityOfDomain(domain);
    if (modality)
      system.modality = { status: 'estimated', value: modality, sources, method: `${profile.estimator}, from the Domain column` };

    const link = parseHttpUrl(cell('link'));
    if (link?.ok) {
      const source: Source = {
        id: `${id}-link`,
        title: `${name}: the link given in the imported file`,
        url: link.value,
        grade: 'secondary',
      };
      rowSources.push(source);
      system.links.push({ label: 'Link given in the imported file', url: link.value });
      if (system.release.status === 'reported') system.release.sources = [sid, source.id];
    } else if (link) problem('link', link.reason);

    const checked = systemSchema.safeParse(system);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      parts.rejected.push({ row: rowNo, field: issue.path.join('.') || 'row', reason: issue.message });
      if (link?.ok) rowSources.pop();
      return;
    }
    drafts.push({ system: checked.data, baseNames: splitCellList(cell('baseModel')) });
  };

  const finish = (): MappedRows => {
    const pendingBaseModels = linkBaseModels(drafts, sid, parts);
    return { systems: drafts.map((d) => d.system), sources: [profile.source, ...rowSources], pendingBaseModels };
  };
  return { add, finish };
}

const EN_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * GPU-hours from a row: its chip-hours where it gives them; otherwise, where it gives a whole number
 * of chips and a training time, their product — an estimate of ours, not the file's, so it is
 * marked estimated and says the arithmetic ("1,024 × 2,000 h = 2,048,000 GPU-hours, derived from
 * Epoch AI’s hardware quantity × training time"). Nothing is made up from one of the two alone.
 */
export function gpuHoursOf(
  row: { chipHours?: number; count?: number; wallClock?: number },
  hardware: string,
  sources: string[],
  profile: Pick<MapProfile, 'estimator' | 'columnsOf'>,
  onFractionalCount: () => void,
): System['gpuHours'] | undefined {
  const { chipHours, wallClock } = row;
  let count = row.count;
  if (count !== undefined && !Number.isInteger(count)) {
    onFractionalCount();
    count = undefined;
  }
  if (chipHours !== undefined) {
    const value: GpuHours = { hours: chipHours, hardware };
    if (count !== undefined) value.gpuCount = count;
    return { status: 'estimated', value, sources, method: profile.estimator };
  }
  if (count === undefined || wallClock === undefined) return undefined;
  const hours = count * wallClock;
  const arithmetic = `${EN_NUMBER.format(count)} × ${EN_NUMBER.format(wallClock)} h = ${EN_NUMBER.format(hours)} GPU-hours`;
  return {
    status: 'estimated',
    value: {
      hours,
      hardware,
      gpuCount: count,
      wallClockHours: wallClock,
      derivation: `${arithmetic}, derived from ${profile.columnsOf} hardware quantity × training time`,
    },
    sources,
    method: `derived: ${profile.columnsOf} hardware quantity × training time (the file gives no chip-hours)`,
  };
}

/**
 * "Base model" names → links to the rows of the same file, by normalised name. Names the file
 * does not hold stay pending for `applyImport`; a link that would close a cycle is dropped.
 */
function linkBaseModels(drafts: RowDraft[], sourceId: string, parts: ReportParts): PendingBaseModel[] {
  const byName = new Map<string, string>();
  for (const d of drafts) if (!byName.has(normaliseName(d.system.name))) byName.set(normaliseName(d.system.name), d.system.id);
  const graph = baseGraph(drafts.map((d) => d.system));
  const pending: PendingBaseModel[] = [];
  const cycles: string[] = [];
  for (const d of drafts) {
    for (const baseName of d.baseNames) {
      const baseId = byName.get(normaliseName(baseName));
      if (baseId === undefined) {
        pending.push({ systemId: d.system.id, ref: baseName, by: 'name', relation: 'fine-tuned-from', sources: [sourceId] });
        continue;
      }
      if (d.system.baseModels.some((b) => b.id === baseId)) continue;
      if (wouldCycle(graph, d.system.id, baseId)) {
        cycles.push(`${d.system.name} → ${baseName}`);
        continue;
      }
      addEdge(graph, d.system.id, baseId);
      d.system.baseModels.push({ id: baseId, relation: 'fine-tuned-from', sources: [sourceId] });
    }
  }
  if (cycles.length > 0) parts.warnings.push(importText('cycleLinks', { links: cycles.join('; ') }));
  if (pending.length > 0) {
    const names = [...new Set(pending.map((p) => p.ref))];
    parts.warnings.push(
      importText(names.length === 1 ? 'pendingBaseOne' : 'pendingBaseMany', {
        bases: names.length,
        names: `${names.slice(0, 30).join(', ')}${names.length > 30 ? ', …' : ''}`,
      }),
    );
  }
  return pending;
}

/** Epoch's Domain → modality where it is clear; otherwise none. */
export function modalityOfDomain(domain: string): Modality | undefined {
  const parts = splitList(domain).map((d) => d.toLowerCase());
  if (parts.includes('multimodal')) return { inputs: ['text', 'image'], outputs: ['text'] };
  if (parts.length !== 1) return undefined;
  switch (parts[0]) {
    case 'language':
      return { inputs: ['text'], outputs: ['text'] };
    case 'vision':
      return { inputs: ['image'], outputs: ['text'] };
    case 'image generation':
      return { inputs: ['text'], outputs: ['image'] };
    default:
      return undefined;
  }
}
