import type { System } from '../data/schema';

/*
 * The same model under another name: Epoch's "GPT-3 175B (davinci)" is our GPT-3, "BLOOM-176B" our
 * BLOOM-175B, "Segment Anything Model" our SAM, "Dolly 2.0-12b" our Dolly 2.0. A merge that only
 * compared normalised names kept both of each. Here a name is reduced to its core (case, spacing and
 * punctuation ignored; a parenthesised alias, a parameter size, "model"/"series" dropped), and two
 * systems pair when their cores (or one's acronym and the other's core) are equal and nothing else
 * they state contradicts it: sizes within a few per cent, release dates close, no later version.
 * A pair is only proposed — the import preview asks, strong pairs defaulting to "same".
 */

export interface NameForm {
  /** The name's words without sizes, versions, fillers and parentheses: "gpt 3", "dolly 2", "bloom". */
  core: string;
  /** Initials of a name of three or more words ("segment anything model" → "sam"). */
  acronym?: string;
  /** Parameter sizes the name states ("175B" → 175e9). */
  sizes: number[];
  /** A version tag outside parentheses ("v0", "v1.5"). */
  version?: string;
}

const SIZE = /^(\d+(?:\.\d+)?)([mbt])$/;
const SIZE_FACTOR: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };
const VERSION = /^v\d+(?:\.\d+)*$/;
/** Words that name what a thing is, not which: "Segment Anything Model" = "Segment Anything". */
const FILLERS = new Set(['model', 'models', 'series', 'the']);

export function nameForm(name: string): NameForm {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // A parenthesised part is an alias or a note ("(davinci)", "(dolly-v2-12b)", "(ViT L/14@336px)").
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const tokens = plain.match(/[a-z]+\d*(?:\.\d+)*|\d+(?:\.\d+)*[a-z]*/g) ?? [];
  const words: string[] = [];
  const sizes: number[] = [];
  let version: string | undefined;
  for (const token of tokens) {
    const size = SIZE.exec(token);
    if (size) sizes.push(Number(size[1]) * SIZE_FACTOR[size[2]]);
    else if (VERSION.test(token)) version ??= token;
    else if (!FILLERS.has(token)) words.push(token.replace(/^(\d+)\.0$/, '$1'));
  }
  const alphabetic = tokens.filter((tk) => /^[a-z]+$/.test(tk));
  const acronym = alphabetic.length >= 3 && alphabetic.length === tokens.length ? alphabetic.map((w) => w[0]).join('') : undefined;
  return { core: words.join(' '), acronym, sizes, version };
}

export type PairStrength = 'strong' | 'weak';

/** Why a pair is only weak: something the two records state disagrees, a little. */
export type PairDoubt = { kind: 'sizes'; imported: number; current: number } | { kind: 'dates'; days: number };

export interface VariantPair {
  importedId: string;
  importedName: string;
  currentId: string;
  currentName: string;
  strength: PairStrength;
  /** Empty for a strong pair. */
  doubts: PairDoubt[];
  /** How the names met: the same core, or one's acronym the other's name (SAM). */
  via: 'name' | 'acronym';
}

/** Sizes this close are one model ("176B" BLOOM ≈ "175B"). */
const SAME_SIZE = 1.03;
/** Beyond this, a different model of the family (LLaMA-7B vs 13B, GPT-3 13B vs 175B). */
const OTHER_SIZE = 1.5;
/** Release dates this close are one release. */
const SAME_RELEASE_DAYS = 45;
/** Further apart than this, another release of the name (a later fine-tune, a later version). */
const OTHER_RELEASE_DAYS = 183;

const firstVersion = (v: string) => /^v(0|1)(\.0)?$/.test(v);

function sizeOf(form: NameForm, system: System): number | undefined {
  if (form.sizes.length > 0) return form.sizes[0];
  const p = system.parameters;
  return p && (p.status === 'reported' || p.status === 'estimated') ? p.value : undefined;
}

function releaseDay(system: System): number | undefined {
  const r = system.release;
  if (r.status !== 'reported' && r.status !== 'estimated') return undefined;
  const [y, m, d] = r.value.date.split('-').map(Number);
  return Date.UTC(y, m - 1, d ?? 15) / 86_400_000;
}

/**
 * Whether two systems are one model under two names, and how sure that is; null when they are not.
 * `via` is how their names met (decided by the caller's index).
 */
export function comparePair(
  imported: System,
  importedForm: NameForm,
  current: System,
  currentForm: NameForm,
  via: VariantPair['via'],
): VariantPair | null {
  const doubts: PairDoubt[] = [];
  // Versions: "Vicuna-13B v0" is the first Vicuna-13B; "Vicuna-13B-v1.5" is a later model.
  const [vi, vc] = [importedForm.version, currentForm.version];
  if (vi && vc && vi !== vc) return null;
  if ((vi && !vc && !firstVersion(vi)) || (vc && !vi && !firstVersion(vc))) return null;
  // Sizes: two names that both state one must agree; otherwise the records' parameter counts are compared too.
  if (importedForm.sizes.length > 0 && currentForm.sizes.length > 0) {
    const ratio = Math.max(importedForm.sizes[0], currentForm.sizes[0]) / Math.min(importedForm.sizes[0], currentForm.sizes[0]);
    if (ratio > SAME_SIZE) return null;
  }
  const [si, sc] = [sizeOf(importedForm, imported), sizeOf(currentForm, current)];
  if (si !== undefined && sc !== undefined) {
    const ratio = Math.max(si, sc) / Math.min(si, sc);
    if (ratio > OTHER_SIZE) return null;
    if (ratio > SAME_SIZE) doubts.push({ kind: 'sizes', imported: si, current: sc });
  }
  const [di, dc] = [releaseDay(imported), releaseDay(current)];
  if (di !== undefined && dc !== undefined) {
    const days = Math.round(Math.abs(di - dc));
    if (days > OTHER_RELEASE_DAYS) return null;
    if (days > SAME_RELEASE_DAYS) doubts.push({ kind: 'dates', days });
  }
  return {
    importedId: imported.id,
    importedName: imported.name,
    currentId: current.id,
    currentName: current.name,
    strength: doubts.length === 0 ? 'strong' : 'weak',
    doubts,
    via,
  };
}

/** Kinds a variant can be: a paper or an event is never the same "system" as an imported model. */
const PAIRABLE = new Set<System['kind']>(['model', 'library-app']);

/**
 * Proposed pairs of an imported system and a current one that look like the same model under
 * another name. Systems in `skip` (already matched by id or exact name) are left out; each system
 * is in one pair at most — strong pairs first, then the closest release. Cores and acronyms are
 * looked up in an index of the current systems, so a large import is not compared pair by pair.
 */
export function findVariantPairs(
  current: readonly System[],
  imported: readonly System[],
  skip: { importedIds: ReadonlySet<string>; currentIds: ReadonlySet<string> } = { importedIds: new Set(), currentIds: new Set() },
): VariantPair[] {
  const byKey = new Map<string, { system: System; form: NameForm; key: 'core' | 'acronym' }[]>();
  const index = (key: string, entry: { system: System; form: NameForm; key: 'core' | 'acronym' }) => {
    if (!key) return;
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  for (const system of current) {
    if (skip.currentIds.has(system.id) || !PAIRABLE.has(system.kind)) continue;
    const form = nameForm(system.name);
    index(form.core, { system, form, key: 'core' });
    if (form.acronym && form.acronym.length >= 3) index(form.acronym, { system, form, key: 'acronym' });
  }
  const candidates: VariantPair[] = [];
  for (const system of imported) {
    if (skip.importedIds.has(system.id) || !PAIRABLE.has(system.kind)) continue;
    const form = nameForm(system.name);
    if (!form.core) continue;
    const seen = new Set<string>();
    const consider = (key: string | undefined, importedKey: 'core' | 'acronym') => {
      if (!key) return;
      for (const entry of byKey.get(key) ?? []) {
        // core = core, the imported acronym = a current core, or a current acronym = the imported core.
        if (importedKey === 'acronym' && entry.key === 'acronym') continue;
        if (seen.has(entry.system.id)) continue;
        seen.add(entry.system.id);
        const via = importedKey === 'core' && entry.key === 'core' ? 'name' : 'acronym';
        const pair = comparePair(system, form, entry.system, entry.form, via);
        if (pair) candidates.push(pair);
      }
    };
    consider(form.core, 'core');
    if (form.acronym && form.acronym.length >= 3) consider(form.acronym, 'acronym');
  }
  const order = (p: VariantPair) => (p.strength === 'strong' ? 0 : 1);
  const days = (p: VariantPair) => p.doubts.find((d) => d.kind === 'dates')?.days ?? 0;
  const sorted = candidates.map((p, i) => ({ p, i })).sort((a, b) => order(a.p) - order(b.p) || days(a.p) - days(b.p) || a.i - b.i);
  const takenImported = new Set<string>();
  const takenCurrent = new Set<string>();
  const out: VariantPair[] = [];
  for (const { p } of sorted) {
    if (takenImported.has(p.importedId) || takenCurrent.has(p.currentId)) continue;
    takenImported.add(p.importedId);
    takenCurrent.add(p.currentId);
    out.push(p);
  }
  // In the file's order, as the preview lists them.
  const position = new Map(imported.map((s, i) => [s.id, i]));
  return out.sort((a, b) => (position.get(a.importedId) ?? 0) - (position.get(b.importedId) ?? 0));
}
