/**
 * Runs before any other module: zod 4 probes `new Function("")` to decide whether to compile
 * validators, which the Content-Security-Policy (script-src 'self', no 'unsafe-eval') reports as a
 * violation. Jitless mode validates the same way without the probe.
 */
import { config } from "zod";

config({ jitless: true });
