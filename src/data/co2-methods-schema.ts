// Before zod: it must not probe for eval under the site's CSP.
import './zod-csp';
import { z } from 'zod';

/*
 * The check of data/co2-methods.json: the CO₂ methods, accelerators, grids and the inputs of the
 * published figures each method reproduces. Every constant names its source, where in it, and
 * whether the number was read in the source itself. Checked when the site is built
 * (scripts/checked-dataset.ts) and by the unit tests; the page imports the file as it is, so the
 * schema has no defaults: what the page reads is what the file says.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case slugs');
const text = z.string().trim().min(1).max(2000);

export const citedNumber = z.object({
  value: z.number().positive().finite(),
  source: id,
  where: text,
  /** false: seen only as others quote it; the page says so beside the number. */
  verified: z.boolean(),
});

const methodSource = z.object({
  id,
  short: text,
  authors: z.array(text).min(1),
  /** The authors are organizations (their names are not split into given and family names). */
  corporate: z.boolean().optional(),
  title: text,
  year: z.number().int().min(1990).max(2100),
  venue: text,
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}$/)
    .optional(),
  url: z.string().regex(/^https:\/\//),
  /** The same paper's ids in data/dataset.json's sources, so a published figure citing it is known to use this method. */
  datasetSourceIds: z.array(id),
});

const accelerator = z.object({
  id,
  name: text,
  /** A regular expression (case-insensitive) a run's hardware text must match. */
  match: text.refine((s) => {
    try {
      new RegExp(s, 'i');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
  /** What matching assumes where the hardware text does not name the part (a bare “V100”), in English and Chinese. */
  matchNote: text.optional(),
  matchNoteZh: text.optional(),
  tdpW: citedNumber.optional(),
  measuredW: citedNumber.optional(),
  embodiedKg: citedNumber.optional(),
});

const grid = z.object({ id, region: text, regionZh: text, year: z.number().int().optional(), kgPerKwh: citedNumber });

const method = z.object({
  id: z.enum(['patterson', 'llama', 'bloom-lca']),
  name: text,
  nameZh: text,
  source: id,
  alsoSources: z.array(id),
  /** Which power per accelerator: measured average system power, or the thermal design power. */
  power: z.enum(['measured', 'tdp']),
  /** Absent: no PUE (the life-cycle method counts idle and infrastructure energy on its own). */
  pue: citedNumber.optional(),
  /** The grid the method's own figure used (a `grids` id). */
  grid: id,
  idle: z.object({ idleKwh: citedNumber, dynamicKwh: citedNumber }).optional(),
  embodied: z
    .object({ serverKg: citedNumber, lifetimeYears: citedNumber, utilisation: citedNumber, gpusPerServer: citedNumber })
    .optional(),
});

const publishedPart = citedNumber.extend({
  part: z.enum(['energy', 'dynamic', 'idle', 'embodied', 'total']),
  unit: z.enum(['MWh', 't']),
});

const reproduction = z.object({
  systemId: id,
  method: z.enum(['patterson', 'llama', 'bloom-lca']),
  where: text,
  run: z.object({
    chips: citedNumber.optional(),
    flop: citedNumber.optional(),
    flopPerSecondPerChip: citedNumber.optional(),
    gpuHours: citedNumber.optional(),
    powerW: citedNumber,
    pue: citedNumber.optional(),
    grid: id,
    accelerator: id.optional(),
  }),
  published: z.array(publishedPart).min(1),
});

export const co2MethodsSchema = z
  .object({
    about: text,
    sources: z.array(methodSource).min(1),
    accelerators: z.array(accelerator).min(1),
    grids: z.array(grid).min(1),
    pueObserved: z.array(citedNumber).min(1),
    methods: z.array(method).min(1),
    development: z.array(
      z.object({
        id,
        name: text,
        nameZh: text,
        factor: z.number().min(1).finite(),
        source: id,
        where: text,
        derivation: text,
        verified: z.boolean(),
      }),
    ),
    reproductions: z.array(reproduction),
  })
  .superRefine((data, ctx) => {
    const sources = new Set(data.sources.map((s) => s.id));
    const grids = new Set(data.grids.map((g) => g.id));
    const accelerators = new Set(data.accelerators.map((a) => a.id));
    const methods = new Set(data.methods.map((m) => m.id));
    // Every `source` anywhere in the file names a listed source.
    const walk = (node: unknown, path: (string | number)[]) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, [...path, i]));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if ((k === 'source' || k === 'alsoSources') && path[0] !== 'sources') {
            for (const s of Array.isArray(v) ? v : [v])
              if (typeof s === 'string' && !sources.has(s))
                ctx.addIssue({ code: 'custom', path: [...path, k], message: `unknown source "${s}"` });
          } else walk(v, [...path, k]);
        }
      }
    };
    walk(data, []);
    for (const [list, name] of [
      [data.sources, 'sources'],
      [data.accelerators, 'accelerators'],
      [data.grids, 'grids'],
      [data.methods, 'methods'],
      [data.development, 'development'],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [name, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    }
    data.methods.forEach((m, i) => {
      if (!grids.has(m.grid)) ctx.addIssue({ code: 'custom', path: ['methods', i, 'grid'], message: `unknown grid "${m.grid}"` });
    });
    for (const id of ['patterson', 'llama', 'bloom-lca'])
      if (!methods.has(id as 'llama')) ctx.addIssue({ code: 'custom', path: ['methods'], message: `method "${id}" is missing` });
    data.reproductions.forEach((r, i) => {
      if (!grids.has(r.run.grid))
        ctx.addIssue({ code: 'custom', path: ['reproductions', i, 'run', 'grid'], message: `unknown grid "${r.run.grid}"` });
      if (r.run.accelerator && !accelerators.has(r.run.accelerator))
        ctx.addIssue({
          code: 'custom',
          path: ['reproductions', i, 'run', 'accelerator'],
          message: `unknown accelerator "${r.run.accelerator}"`,
        });
      if (!r.run.gpuHours && !(r.run.chips && r.run.flop && r.run.flopPerSecondPerChip))
        ctx.addIssue({
          code: 'custom',
          path: ['reproductions', i, 'run'],
          message: 'needs gpuHours, or chips, flop and flopPerSecondPerChip',
        });
    });
  });

export type Co2MethodsData = z.infer<typeof co2MethodsSchema>;
export type CitedNumber = z.infer<typeof citedNumber>;
