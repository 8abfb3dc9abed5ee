import { z } from 'zod';

/*
 * zod 4 compiles object parsers with `new Function` unless told not to, and merely probing for it
 * is reported as a Content-Security-Policy violation (the site forbids eval). Interpreted parsing
 * is fast enough for a dataset of this size. Must run before any schema is built: import this
 * module before ./schema.
 */
z.config({ jitless: true });
