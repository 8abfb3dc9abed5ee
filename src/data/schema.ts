// zod must not probe eval under the CSP — also where the schema loads without load-dataset (the import worker).
import './zod-csp';
import { z } from 'zod';

/*
 * The dataset's shape. Every number is a Fact: a value with a status (reported by its
 * developer/paper, estimated by a third party, explicitly not disclosed, or unknown to us),
 * the ids of the sources it comes from, and — where the talk says something else — the
 * talk's claim next to it. Cross-references (source ids, base-model ids, seed-table cells)
 * are checked after the shape, so a broken reference is reported like a broken field.
 */

/**
 * Length limits, in characters as zod counts them (code points). Generous for real data — the
 * bundled facts and Epoch's ~1,900 systems stay far inside — but a file's 10 MB cell is refused
 * here instead of reaching the views and storage. The importer checks CSV cells against the same
 * numbers before it builds anything (src/import/epoch.ts).
 */
export const TEXT_LIMITS = {
  /** Ids (slugs). */
  id: 100,
  /** Names, organizations, hardware, labels, units, what a date marks. */
  name: 200,
  /** Source titles (they quote a model's or a file's name). */
  title: 500,
  url: 2000,
  /** Notes, quotes, methods, summaries, descriptions, terms. */
  note: 2000,
} as const;
/** Entries of a list inside one system (organizations, links, a fact's sources…). */
export const LIST_LIMIT = 100;

const thousands = (n: number) => n.toLocaleString('en-US');
/** The message a row is rejected with, e.g. "longer than 200 characters"; the first check to fail stops the rest. */
const tooLong = (max: number) => ({ message: `longer than ${thousands(max)} characters`, abort: true });
const tooMany = { message: `more than ${LIST_LIMIT} entries`, abort: true };
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIST_LIMIT, tooMany);

const id = z
  .string()
  .max(TEXT_LIMITS.id, tooLong(TEXT_LIMITS.id))
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case slugs (a-z, 0-9, ".", "-")');
/** Trimmed, not empty, at most `max` characters. */
const text = (max: number) => z.string().trim().min(1).max(max, tooLong(max));
const longText = text(TEXT_LIMITS.note);
const shortText = text(TEXT_LIMITS.name);
const httpUrl = z
  .string()
  .max(TEXT_LIMITS.url, tooLong(TEXT_LIMITS.url))
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'only http(s) URLs are allowed');

/** How far the talk's own statement agrees with the checked source. */
export const talkRelation = z.enum(['agrees', 'differs', 'unverified']);

function talkClaim<T extends z.ZodType>(value: T) {
  return z.object({
    /** The talk's words, verbatim (Chinese). */
    text: longText,
    /** The talk's claim in machine form where it has one (e.g. its date). */
    value: value.optional(),
    relation: talkRelation,
    note: longText.optional(),
  });
}

/** A fact: a value plus its provenance. `T` is the schema of the value. */
export function fact<T extends z.ZodType>(value: T) {
  const talk = talkClaim(value).optional();
  const sources = list(id).min(1);
  return z.discriminatedUnion('status', [
    z.object({
      status: z.literal('reported'),
      value,
      sources,
      quote: longText.optional(),
      note: longText.optional(),
      talk,
    }),
    z.object({
      status: z.literal('estimated'),
      value,
      sources,
      /** Who estimated it and how (e.g. "Epoch AI, 6·N·D"). */
      method: longText,
      note: longText.optional(),
      talk,
    }),
    z.object({
      /** The developer published no figure (or said it will not). */
      status: z.literal('not-disclosed'),
      sources: list(id),
      note: longText.optional(),
      talk,
    }),
    z.object({
      /** We found no source either way. */
      status: z.literal('unknown'),
      note: longText,
      talk,
    }),
  ]);
}

/** "imported": a file the user imported (it has no address of its own). */
export const sourceGrade = z.enum(['primary', 'epoch', 'secondary', 'imported']);
export const sourceSchema = z
  .object({
    id,
    title: text(TEXT_LIMITS.title),
    /** Required, except for an imported file (grade "imported"), which has no address. */
    url: httpUrl.optional(),
    grade: sourceGrade,
    publisher: shortText.optional(),
    /** ISO date of the source itself, if known. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    note: longText.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.url === undefined && s.grade !== 'imported') {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'a source needs an http(s) url (only an imported file may have none)' });
    }
  });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const datedEvent = z
  .object({
    date: isoDate,
    precision: z.enum(['day', 'month']),
    /** What the date marks: "blog post", "API private beta", "repository initial commit"… */
    marks: shortText,
  })
  .refine((v) => (v.precision === 'day') === (v.date.length === 10), {
    message: 'precision must match the date (day ⇔ YYYY-MM-DD, month ⇔ YYYY-MM)',
  });

export const modalityKind = z.enum(['text', 'code', 'image', 'mask']);
export const modality = z.object({
  inputs: list(modalityKind).min(1),
  outputs: list(modalityKind).min(1),
});

export const bound = z.enum(['exact', 'approx', 'upper']);
export const quantity = z.object({
  amount: z.number().positive().finite(),
  /** tokens, samples, conversations, image-text pairs, images, masks, instructions… */
  unit: shortText,
  bound: bound.default('exact'),
});

export const trainingData = z.object({
  description: longText,
  sizes: list(quantity).default([]),
});

export const access = z.object({
  /** Can a member of the public obtain it at all (even on request or as a delta)? */
  available: z.boolean(),
  /** How: "download", "on request (Google form)", "weight diff against LLaMA", "API only"… */
  terms: longText,
});

export const licence = z.object({
  name: shortText,
  commercialUse: z.boolean().optional(),
});

export const costComponent = z.object({
  component: z.enum(['data', 'training', 'total']),
  usd: z.number().nonnegative().finite(),
  bound,
});
/**
 * What kind of price a cost figure is: spot and on-demand cloud prices, a cloud-rental estimate,
 * or amortised hardware plus energy. Figures of different kinds (or dollar years) side by side
 * are not one range of the same thing, and the cell says so.
 */
export const costPricing = z.enum(['spot', 'on-demand', 'cloud-rental', 'amortised-hardware']);
export const trainingCost = z.object({
  components: list(costComponent).min(1),
  /** The year of the dollars (nominal dollars of that year, or a constant-dollar base). */
  dollarYear: z.number().int().min(2015).max(2030),
  /** Where the cost applies, e.g. "7B" or "cloud rental, V100". */
  basis: longText.optional(),
  pricing: costPricing.optional(),
});

export const gpuHours = z.object({
  hours: z.number().positive().finite(),
  hardware: shortText,
  gpuCount: z.number().int().positive().optional(),
  wallClockHours: z.number().positive().optional(),
  /** How the figure follows from what the source says, e.g. "8 GPUs × 3 h". */
  derivation: longText.optional(),
});

/**
 * An organization (data/organizations.json, or one a dataset brings): names in English and,
 * where one is established, Chinese; every other spelling it goes by; the organization it is
 * part of (FAIR → Meta), with a note where the link is not obvious; and, for a merger, when it
 * was formed and from what.
 */
export const organizationSchema = z.object({
  id,
  name: z.object({ en: shortText, zh: shortText.optional() }),
  aliases: list(shortText).default([]),
  parent: id.optional(),
  parentNote: longText.optional(),
  formed: z.object({ date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), from: list(id).default([]), note: longText.optional() }).optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const kind = z.enum(['model', 'library-app', 'paper', 'event']);

const baseLink = z.object({
  id,
  relation: z.enum(['fine-tuned-from', 'component', 'wraps', 'successor-of']),
  sources: list(id).min(1),
  note: longText.optional(),
});

export const systemSchema = z.object({
  id,
  name: shortText,
  /** Optional Chinese name or the talk's spelling. */
  nameZh: shortText.optional(),
  kind,
  /** Groups sizes of one model (e.g. "llama" for LLaMA-7B…65B). */
  family: id.optional(),
  organizations: list(shortText).min(1),
  /** Who the talk credits, where it names someone (organization ids); shown beside the organizations when it differs. */
  organizationsTalk: talkClaim(list(shortText).min(1)).optional(),
  /** In the talk itself, or only here as a base model / in a source table the talk cites. */
  inTalk: z.boolean(),
  /** The talk's own words about it (verbatim), where it names it. */
  talkMention: longText.optional(),
  summary: longText,
  baseModels: list(baseLink).default([]),
  release: fact(datedEvent),
  otherDates: list(fact(datedEvent)).default([]),
  /** Where a paper appeared ("MLSys 2022"). */
  venue: fact(shortText).optional(),
  parameters: fact(z.number().positive().finite()).optional(),
  modality: fact(modality).optional(),
  trainingData: fact(trainingData).optional(),
  weights: fact(access).optional(),
  trainingCode: fact(access).optional(),
  dataset: fact(access).optional(),
  licence: fact(licence).optional(),
  evaluation: fact(longText).optional(),
  /** Alternatives side by side (e.g. two published GPT-3 estimates); never merged. */
  trainingCost: list(fact(trainingCost)).default([]),
  gpuHours: fact(gpuHours).optional(),
  hardware: fact(shortText).optional(),
  flop: fact(z.number().positive().finite()).optional(),
  energyMwh: fact(z.number().positive().finite()).optional(),
  co2Tonnes: fact(z.number().positive().finite()).optional(),
  links: list(z.object({ label: shortText, url: httpUrl })).default([]),
});

export const table15Row = z.object({
  systemId: id,
  gpuType: shortText,
  gpuPowerW: z.number().positive(),
  gpuHours: z.number().positive(),
  mwh: z.number().positive(),
  tco2e: z.number().positive(),
});

export const referenceSchema = z.object({
  brainPowerW: fact(z.number().positive()),
  gpt3EnergyMwh: fact(z.number().positive()),
  gpt3Co2Tonnes: fact(z.number().positive()),
  flightSfNyPerPassengerTonnes: fact(z.number().positive()),
  flightSfNyWholeJetTonnes: fact(z.number().positive()),
  llamaCarbonMethod: z.object({
    gpuPowerW: fact(z.number().positive()),
    pue: fact(z.number().positive()),
    kgCo2ePerKwh: fact(z.number().positive()),
    formula: longText,
  }),
  llamaTable15: z.object({
    sources: z.array(id).min(1),
    caption: longText,
    /** May be empty: a dataset that replaced the bundled one keeps no rows of models it dropped. */
    rows: z.array(table15Row),
  }),
  /** A second published CO₂ figure for a run: the same energy on the developer's own grid (LLaMA paper §6). */
  ownGridCo2: z
    .array(
      z.object({
        systemId: id,
        kgCo2ePerKwh: z.number().positive(),
        tco2e: z.number().positive(),
        sources: z.array(id).min(1),
        quote: longText,
      }),
    )
    .default([]),
});

export const seedCell = z.object({
  /** The cell's text exactly as the talk has it. */
  text: z.string().max(TEXT_LIMITS.note, tooLong(TEXT_LIMITS.note)),
  /** ✓ / ✗ in the talk. */
  mark: z.enum(['check', 'cross']).optional(),
  /** The dataset's systems the cell describes. */
  systemIds: z.array(id).min(1),
  /** Where a checked source says otherwise: the corrected reading and why. */
  checked: z.object({ text: longText, note: longText, sources: z.array(id).min(1) }).optional(),
});

export const seedTableSchema = z.object({
  id,
  title: shortText,
  /** Where the talk shows it and where the table originally comes from. */
  sources: z.array(id).min(1),
  note: longText.optional(),
  /** Header of the row-label column, as in the talk ("Model Name", "Model"). */
  cornerLabel: z.string().max(TEXT_LIMITS.name, tooLong(TEXT_LIMITS.name)),
  /** "columns": models are columns (Vicuna's Table 1); "rows": models are rows (Koala's table). */
  orientation: z.enum(['models-as-columns', 'models-as-rows']),
  header: z.array(z.object({ text: shortText, systemIds: z.array(id).default([]) })).min(1),
  rows: z.array(z.object({ label: shortText, systemIds: z.array(id).default([]), cells: z.array(seedCell).min(1) })).min(1),
});

export const datasetSchema = z
  .object({
    meta: z.object({
      title: shortText,
      version: shortText,
      /** When these facts were last checked. */
      asOf: isoDate,
      talk: z.object({ title: shortText, author: shortText, affiliation: shortText, date: isoDate }),
      licenceNote: longText.optional(),
    }),
    sources: z.array(sourceSchema).min(1),
    /** Display names of the `family` groups (e.g. llama → "LLaMA (all sizes)"), and in Chinese when they hold words. */
    families: z.array(z.object({ id, name: shortText, nameZh: shortText.optional() })).default([]),
    systems: z.array(systemSchema).min(1),
    /** The organizations the systems name (ids), with their parents; filled in by load-dataset. */
    organizations: z.array(organizationSchema).default([]),
    reference: referenceSchema,
    seedTables: z.array(seedTableSchema).default([]),
  })
  .superRefine((ds, ctx) => {
    const sourceIds = new Set<string>();
    ds.sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      sourceIds.add(s.id);
    });
    const systemIds = new Set<string>();
    ds.systems.forEach((s, i) => {
      if (systemIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['systems', i, 'id'], message: `duplicate system id "${s.id}"` });
      systemIds.add(s.id);
    });
    const declaredFamilies = new Set<string>();
    ds.families.forEach((f, i) => {
      if (systemIds.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['families', i, 'id'], message: `family id "${f.id}" collides with a system id` });
      if (declaredFamilies.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['families', i, 'id'], message: `duplicate family id "${f.id}"` });
      declaredFamilies.add(f.id);
    });
    ds.systems.forEach((s, i) => {
      if (s.family && !declaredFamilies.has(s.family)) {
        ctx.addIssue({ code: 'custom', path: ['systems', i, 'family'], message: `family "${s.family}" is not declared in "families"` });
      }
    });
    // Every `sources` array anywhere must point at a known source.
    walk(ds, [], (value, path) => {
      if (path[path.length - 1] === 'sources' && Array.isArray(value) && path[0] !== 'sources') {
        value.forEach((ref, j) => {
          if (typeof ref === 'string' && !sourceIds.has(ref)) {
            ctx.addIssue({ code: 'custom', path: [...path, j], message: `unknown source id "${ref}"` });
          }
        });
      }
    });
    ds.systems.forEach((s, i) => {
      s.baseModels.forEach((b, j) => {
        if (!systemIds.has(b.id))
          ctx.addIssue({ code: 'custom', path: ['systems', i, 'baseModels', j, 'id'], message: `unknown base model "${b.id}"` });
        if (b.id === s.id)
          ctx.addIssue({ code: 'custom', path: ['systems', i, 'baseModels', j, 'id'], message: 'a system cannot be its own base' });
      });
    });
    const cycle = findLineageCycle(ds.systems);
    if (cycle) ctx.addIssue({ code: 'custom', path: ['systems'], message: `lineage cycle: ${cycle.join(' → ')}` });
    ds.reference.llamaTable15.rows.forEach((r, i) => {
      if (!systemIds.has(r.systemId))
        ctx.addIssue({
          code: 'custom',
          path: ['reference', 'llamaTable15', 'rows', i, 'systemId'],
          message: `unknown system "${r.systemId}"`,
        });
    });
    ds.reference.ownGridCo2.forEach((r, i) => {
      if (!systemIds.has(r.systemId))
        ctx.addIssue({ code: 'custom', path: ['reference', 'ownGridCo2', i, 'systemId'], message: `unknown system "${r.systemId}"` });
    });
    ds.seedTables.forEach((t, ti) => {
      walk(t, ['seedTables', ti], (value, path) => {
        if (path[path.length - 1] === 'systemIds' && Array.isArray(value)) {
          value.forEach((ref, j) => {
            if (typeof ref === 'string' && !systemIds.has(ref))
              ctx.addIssue({ code: 'custom', path: [...path, j], message: `unknown system "${ref}"` });
          });
        }
      });
    });
  });

/**
 * Visits every value under `value` once with its path. One path array is pushed and popped as the
 * walk goes (the visitor copies it when it keeps it): copying the path at every node made this
 * walk the largest part of validating 50,000 systems. Primitives have nothing below and are not
 * visited (no visitor looks at them).
 */
function walk(value: unknown, start: (string | number)[], visit: (v: unknown, p: readonly (string | number)[]) => void): void {
  const path = [...start];
  const go = (v: unknown): void => {
    visit(v, path);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (!item || typeof item !== 'object') continue;
        path.push(i);
        go(item);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      for (const k in obj) {
        if (!Object.hasOwn(obj, k)) continue;
        const inner = obj[k];
        if (!inner || typeof inner !== 'object') continue;
        path.push(k);
        go(inner);
        path.pop();
      }
    }
  };
  go(value);
}

/** Returns one cycle in the base-model graph (as ids), or null. */
export function findLineageCycle(systems: { id: string; baseModels: { id: string }[] }[]): string[] | null {
  const bases = new Map(systems.map((s) => [s.id, s.baseModels.map((b) => b.id)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const b of bases.get(node) ?? []) {
      const found = visit(b);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const s of systems) {
    const found = visit(s.id);
    if (found) return found;
  }
  return null;
}

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;
export type System = z.infer<typeof systemSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type SeedTable = z.infer<typeof seedTableSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type DatedEvent = z.infer<typeof datedEvent>;
export type Modality = z.infer<typeof modality>;
export type ModalityKind = z.infer<typeof modalityKind>;
export type Access = z.infer<typeof access>;
export type TrainingCost = z.infer<typeof trainingCost>;
export type GpuHours = z.infer<typeof gpuHours>;
export type CostPricing = z.infer<typeof costPricing>;
export type SystemKind = z.infer<typeof kind>;
export type Fact<T> =
  | { status: 'reported'; value: T; sources: string[]; quote?: string; note?: string; talk?: TalkClaim<T> }
  | { status: 'estimated'; value: T; sources: string[]; method: string; note?: string; talk?: TalkClaim<T> }
  | { status: 'not-disclosed'; sources: string[]; note?: string; talk?: TalkClaim<T> }
  | { status: 'unknown'; note: string; talk?: TalkClaim<T> };
export type TalkClaim<T> = { text: string; value?: T; relation: z.infer<typeof talkRelation>; note?: string };
