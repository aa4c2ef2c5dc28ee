/**
 * Imported FIRST by index.tsx, before anything that builds zod schemas: zod decides whether it
 * may compile parsers with `new Function` when a schema is created, and the pane's
 * Content-Security-Policy forbids eval. `jitless` makes zod skip the probe (which would log a
 * CSP violation) and use its interpreter.
 */
import { config } from 'zod';

config({ jitless: true });
