import type { z } from 'zod';

/*
 * A quicker way through a zod schema for input that is valid, which is nearly every load.
 *
 * zod's interpreted parser (the site's CSP forbids its compiled one, ./zod-csp) spends most of its
 * time on bookkeeping for problems that valid data does not have, and a large dataset is parsed
 * in one task before anything shows. `compileFastParser` walks the schema's definition once and
 * builds a plain function per node that does the type tests zod does and runs the schema's own
 * checks (zod's own check objects for refinements, URLs and the dataset's cross-reference
 * checks; regexes, trims, bounds and lengths done here the way zod's checks do them), producing
 * the value zod would produce: unknown keys left out, defaults filled in, strings trimmed.
 *
 * It only ever answers "valid, and here is the value" or "ask zod": at the first problem — or
 * anything unusual (an inherited key, an object that is not plain, an asynchronous check) — it
 * gives up with FAIL, and the caller runs zod, whose report names every problem. So a problem
 * report is always zod's own. Tests (fast-parse.test.ts) hold its values equal to zod's on valid
 * data and its FAILs to zod's rejections on mutated data.
 *
 * Input is data as JSON.parse, a JSON module or structuredClone give it: plain objects and arrays
 * of data properties. For that it matches zod exactly. It reads each property once or twice and
 * does not look for getters, non-enumerable keys or extra properties on arrays, which such data
 * never has. Only the dataset schema's constructs are supported; anything else is refused when
 * the parser is built.
 *
 * What is already in the schema's form comes back as the input's own objects (see below): the
 * caller must treat the input as given away, as the app treats every dataset (never mutated).
 */

export const FAIL: unique symbol = Symbol('fast-parse: ask zod');
export type FastParser<T> = (input: unknown) => T | typeof FAIL;

/** The parts of zod 4's internals read here (`schema._zod`), typed loosely on purpose. */
interface Check {
  _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, Node>;
  catchall?: unknown;
  innerType?: Node;
  element?: Node;
  options?: Node[];
  discriminator?: string;
  unionFallback?: boolean;
  entries?: Record<string, unknown>;
  values?: unknown[];
  coerce?: boolean;
  defaultValue?: unknown;
}
interface Node {
  _zod: { def: Def; optin?: string; optout?: string; values?: unknown };
}

type Step = (input: unknown) => unknown;

/**
 * Builds the fast parser of `schema`. Throws on a schema construct it does not know (a test
 * compiles the dataset schema, so a new construct is noticed there, not at a user's load).
 */
export function compileFastParser<S extends z.ZodType>(schema: S): FastParser<z.output<S>> {
  const step = compile(schema as unknown as Node);
  return (input) => {
    try {
      return step(input) as z.output<S> | typeof FAIL;
    } catch {
      return FAIL;
    }
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compile(node: Node): Step {
  const def = node._zod.def;
  if (def.coerce) throw new Error('fast-parse: coercing schemas are not supported');
  return withChecks(compileType(node, def), def.checks ?? []);
}

function compileType(node: Node, def: Def): Step {
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : FAIL);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'literal':
    case 'enum': {
      // The very set zod tests against (an enum's excludes a numeric TypeScript enum's reverse keys).
      const values = node._zod.values;
      if (!(values instanceof Set)) throw new Error(`fast-parse: ${def.type} without a value set`);
      return (v) => (values.has(v) ? v : FAIL);
    }
    case 'array':
      return compileArray(compile(def.element as Node));
    case 'object':
      return compileObject(def);
    case 'optional': {
      const inner = def.innerType as Node;
      if (inner._zod.optin === 'defaulted') throw new Error('fast-parse: optional around a default is not supported');
      const parse = compile(inner);
      return (v) => (v === undefined ? undefined : parse(v));
    }
    case 'default': {
      const parse = compile(def.innerType as Node);
      // The getter hands out a fresh copy of an array or object default each time, as zod's parse does.
      return (v) => {
        if (v === undefined) return def.defaultValue;
        const out = parse(v);
        return out === undefined ? def.defaultValue : out;
      };
    }
    case 'union':
      if (def.discriminator === undefined || def.unionFallback) throw new Error('fast-parse: only discriminated unions are supported');
      return compileDiscriminated(def.discriminator, def.options ?? []);
    default:
      throw new Error(`fast-parse: schema type "${def.type}" is not supported (${String(node)})`);
  }
}

/** Runs a node's checks after its type, in order, as zod does; any issue means FAIL. */
function withChecks(parse: Step, checks: Check[]): Step {
  if (checks.length === 0) return parse;
  const steps = checks.map(compileCheck);
  return (v) => {
    let out = parse(v);
    for (let i = 0; i < steps.length && out !== FAIL; i++) out = steps[i](out);
    return out;
  };
}

/** The kinds of zod check whose whole rule is one line (node_modules/zod/v4/core/checks.js). */
interface CheckDef {
  check?: string;
  format?: string;
  pattern?: unknown;
  tx?: (value: unknown) => unknown;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  when?: (payload: Payload) => boolean;
}

/**
 * One check as a step. The common kinds are done here exactly as zod's check does them; any other
 * (refinements, URL, …) runs zod's own check object on a payload.
 */
function compileCheck(check: Check): Step {
  const def = check._zod.def as CheckDef;
  const run = (v: unknown): unknown => {
    const payload: Payload = { value: v, issues: [] };
    if (def.when && !def.when(payload)) return v;
    const result = check._zod.check(payload);
    return result instanceof Promise || payload.issues.length > 0 ? FAIL : payload.value;
  };
  switch (def.check) {
    case 'overwrite': {
      const tx = def.tx;
      if (typeof tx === 'function' && !def.when) return (v) => tx(v);
      break;
    }
    case 'string_format': {
      const pattern = def.pattern;
      if (def.format === 'regex' && pattern instanceof RegExp && !def.when)
        return (v) => {
          pattern.lastIndex = 0;
          return pattern.test(v as string) ? v : FAIL;
        };
      break;
    }
    case 'greater_than':
    case 'less_than': {
      const bound = def.value;
      if (typeof bound !== 'number' || def.when) break;
      const above = def.check === 'greater_than';
      return def.inclusive
        ? (v) => ((above ? (v as number) >= bound : (v as number) <= bound) ? v : FAIL)
        : (v) => ((above ? (v as number) > bound : (v as number) < bound) ? v : FAIL);
    }
    case 'number_format':
      if (def.format === 'safeint' && !def.when) return (v) => (Number.isSafeInteger(v) ? v : FAIL);
      break;
    case 'min_length': {
      const min = def.minimum;
      if (typeof min !== 'number') break;
      // zod counts code points where the UTF-16 length leaves it in doubt: that case goes to zod's check.
      return (v) => {
        const units = (v as { length: number }).length;
        if (typeof v === 'string' && units >= min && units < min * 2) return run(v);
        return units >= min ? v : FAIL;
      };
    }
    case 'max_length': {
      const max = def.maximum;
      if (typeof max !== 'number') break;
      // Within the bound in UTF-16 units is within it in code points; a longer string is zod's to count.
      return (v) => ((v as { length: number }).length <= max ? v : typeof v === 'string' ? run(v) : FAIL);
    }
  }
  return run;
}

/*
 * Arrays and objects are copied only where zod's value would differ from the input (a default
 * filled in, a string trimmed, an unknown key left out, keys in another order): valid data that
 * is already in the schema's form comes back as the input itself. zod would return a deep copy
 * equal to it; building that copy was most of the time and garbage of a large load.
 */

function compileArray(element: Step): Step {
  return (v) => {
    if (!Array.isArray(v)) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === FAIL) return FAIL;
      if (out) out[i] = item;
      else if (item !== v[i] || !(i in v)) {
        out = new Array<unknown>(v.length);
        for (let j = 0; j < i; j++) out[j] = v[j];
        out[i] = item;
      }
    }
    return out ?? v;
  };
}

interface Field {
  key: string;
  parse: Step;
  /** zod's "optional in": absent is fine ("optional") or filled in ("defaulted"). */
  optin: string | undefined;
  optout: string | undefined;
}

function compileObject(def: Def): Step {
  if (def.catchall !== undefined) throw new Error('fast-parse: objects with a catchall are not supported');
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) throw new Error('fast-parse: symbol keys are not supported');
  const fields: Field[] = Object.keys(shape).map((key) => {
    if (key === '__proto__') throw new Error('fast-parse: a "__proto__" key is not supported');
    const field = shape[key];
    return { key, parse: compile(field), optin: field._zod.optin, optout: field._zod.optout };
  });
  /** zod's value: the schema's keys in the schema's order, unknown keys left out. */
  const copyUpTo = (v: Record<string, unknown>, end: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let f = 0; f < end; f++) if (fields[f].key in v) out[fields[f].key] = v[fields[f].key];
    return out;
  };
  /** Whether the input's own keys are exactly the schema keys it has, in the schema's order. */
  const inSchemaForm = (v: Record<string, unknown>): boolean => {
    let f = 0;
    for (const k in v) {
      while (f < fields.length && !(fields[f].key in v)) f++;
      if (f === fields.length || fields[f].key !== k) return false;
      f++;
    }
    return true;
  };
  return (v) => {
    // A plain object only: zod returns one for anything else (a class instance, no prototype).
    if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return FAIL;
    let out: Record<string, unknown> | undefined;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      const { key } = field;
      const present = key in v;
      // An inherited key (not from JSON): zod's rules for it are zod's to apply.
      if (present && !Object.hasOwn(v, key)) return FAIL;
      if (!present && field.optin === 'optional' && field.optout === 'optional') continue;
      const value = field.parse(v[key]);
      if (value === FAIL) return FAIL;
      // What zod does with the field's result (handlePropertyResult).
      if (value === undefined && !present && field.optin === undefined) return FAIL;
      const sets = value !== undefined || present || (field.optin === 'defaulted' && field.optout !== 'optional');
      if (!sets) continue;
      if (!out && (!present || value !== v[key])) out = copyUpTo(v, f);
      if (out) out[key] = value;
    }
    if (out) return out;
    return inSchemaForm(v) ? v : copyUpTo(v, fields.length);
  };
}

function compileDiscriminated(discriminator: string, options: Node[]): Step {
  const byValue = new Map<unknown, Step>();
  for (const option of options) {
    const tag = option._zod.def.shape?.[discriminator];
    const values = tag?._zod.def.type === 'literal' ? tag._zod.def.values : undefined;
    if (!values) throw new Error(`fast-parse: an option without a literal "${discriminator}" is not supported`);
    const parse = compile(option);
    for (const value of values) {
      if (byValue.has(value)) throw new Error(`fast-parse: "${String(value)}" is claimed by two options`);
      byValue.set(value, parse);
    }
  }
  return (v) => {
    if (!isObject(v)) return FAIL;
    const parse = byValue.get(v[discriminator]);
    return parse ? parse(v) : FAIL;
  };
}
