// Before ./schema: zod must not probe for eval under the site's CSP.
import './zod-csp';
import { z } from 'zod';
import { organizationSchema } from './schema';
import { AD_HOC_PREFIX, organizationKey } from './organizations';

/*
 * The check of data/organizations.json. Apart from ./organizations (plain functions the views use)
 * so zod stays with the validator: the page never loads it for the bundled data, checked at build.
 */

export const registrySchema = z.object({ organizations: z.array(organizationSchema).min(1) }).superRefine((reg, ctx) => {
  const ids = new Map<string, number>();
  reg.organizations.forEach((o, i) => {
    if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: ['organizations', i, 'id'], message: `duplicate organization id "${o.id}"` });
    ids.set(o.id, i);
  });
  const spelledBy = new Map<string, string>();
  reg.organizations.forEach((o, i) => {
    if (o.id.startsWith(AD_HOC_PREFIX)) {
      ctx.addIssue({ code: 'custom', path: ['organizations', i, 'id'], message: `"${AD_HOC_PREFIX}" ids are for unlisted organizations` });
    }
    // A list of names in one cell is comma-separated (our CSV, Epoch's): a name with a comma
    // keeps its long form as an alias ("UC Berkeley", alias "University of California, Berkeley").
    if (o.name.en.includes(',')) {
      ctx.addIssue({
        code: 'custom',
        path: ['organizations', i, 'name', 'en'],
        message: 'a display name has no comma (keep the long form as an alias)',
      });
    }
    if (o.parent !== undefined && !ids.has(o.parent)) {
      ctx.addIssue({ code: 'custom', path: ['organizations', i, 'parent'], message: `unknown parent "${o.parent}"` });
    }
    for (const spelling of [o.name.en, ...o.aliases]) {
      const key = organizationKey(spelling);
      const other = spelledBy.get(key);
      if (other !== undefined && other !== o.id) {
        ctx.addIssue({ code: 'custom', path: ['organizations', i, 'aliases'], message: `"${spelling}" also names "${other}"` });
      }
      spelledBy.set(key, o.id);
    }
  });
  const byId = new Map(reg.organizations.map((o) => [o.id, o]));
  reg.organizations.forEach((o, i) => {
    const seen = new Set<string>([o.id]);
    for (let p = o.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (seen.has(p)) {
        ctx.addIssue({ code: 'custom', path: ['organizations', i, 'parent'], message: `parent chain of "${o.id}" loops` });
        break;
      }
      seen.add(p);
    }
  });
});
