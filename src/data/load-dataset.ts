/*
 * Validation of a dataset (zod + the schema). The app never imports this module statically — it
 * loads with the dataset (./bundled-dataset, ./persist, the import code) so zod stays out of the
 * initial bundle; tests and scripts use parseDataset directly.
 */
// Before ./schema: zod must not probe for eval under the site's CSP.
import './zod-csp';
import { datasetSchema, type Dataset } from './schema';
import registryJson from '../../data/organizations.json' with { type: 'json' };
import { resolveOrganizations, type Registry } from './organizations';
import { registrySchema } from './registry-schema';

/** One thing wrong with a dataset, said so a person can find it. */
export interface ValidationProblem {
  /** The record it concerns, e.g. `system "alpaca"`, or `dataset` for top-level problems. */
  record: string;
  /** Dotted path of the field inside that record, e.g. `release.value.date`. */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: ValidationProblem[] };

const MAX_PROBLEMS = 200;

/**
 * Validates raw JSON against the schema. Never throws: anything wrong (including input that is
 * not an object at all) comes back as problems naming the record and field. Runs where data
 * arrives at run time: an import (in its worker), a stored import, a dataset the dev server or a
 * test serves unchecked. The bundled dataset is checked when the site is built (scripts/checked-dataset.ts).
 */
export function parseDataset(raw: unknown): ParseResult {
  const registry = getRegistry();
  if (!registry.ok) return { ok: false, problems: registry.problems };
  const result = datasetSchema.safeParse(raw);
  if (result.success) return { ok: true, dataset: resolveOrganizations(result.data, registry.registry).dataset };
  const problems = result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => describeIssue(raw, issue.path, issue.message));
  if (result.error.issues.length > MAX_PROBLEMS) {
    problems.push({ record: 'dataset', field: '', message: `…and ${result.error.issues.length - MAX_PROBLEMS} more problems` });
  }
  return { ok: false, problems };
}

/** data/organizations.json, checked once: a broken registry is reported like a broken dataset. */
let registryResult: { ok: true; registry: Registry } | { ok: false; problems: ValidationProblem[] } | undefined;
export function getRegistry() {
  if (!registryResult) {
    const parsed = registrySchema.safeParse(registryJson);
    registryResult = parsed.success
      ? { ok: true, registry: parsed.data }
      : {
          ok: false,
          problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
            record: 'data/organizations.json',
            field: joinPath(issue.path),
            message: issue.message,
          })),
        };
  }
  return registryResult;
}

function describeIssue(raw: unknown, path: PropertyKey[], message: string): ValidationProblem {
  const [top, index, ...rest] = path;
  const collection = typeof top === 'string' ? top : '';
  const labels: Record<string, string> = { systems: 'system', sources: 'source', seedTables: 'seed table' };
  if (collection in labels && typeof index === 'number') {
    const item = getAt(raw, [collection, index]);
    const itemId = item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' ? item.id : null;
    const record = itemId ? `${labels[collection]} "${itemId}"` : `${labels[collection]} #${index + 1}`;
    return { record, field: joinPath(rest), message };
  }
  if (path.length === 0) return { record: 'dataset', field: '', message };
  return { record: collection || 'dataset', field: joinPath(path.slice(1)), message };
}

function joinPath(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
