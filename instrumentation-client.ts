// Runs in the browser before any of the console's own code (Next's client instrumentation hook).
// zod 4 compiles its object parsers with `new Function` where it may, and probes for that when a schema is built.
// The console's Content-Security-Policy allows no eval, so the browser reports the probe as a violation even though
// zod catches it: switch the compiled parsers, and the probe, off before the first schema is built.
import { z } from 'zod';

z.config({ jitless: true });
