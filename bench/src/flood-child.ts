/**
 * The flooder of bench:flood in a process of its own, so that its event loop (thousands of
 * requests, hundreds of sockets) does not delay the probes it is compared with. Takes the
 * flood's options as JSON in argv[2]; prints the result as JSON on stdout.
 */
import { type FloodOptions, flood } from '../../packages/server/test/hardening/flood.js';

const opts = JSON.parse(process.argv[2] ?? '{}') as FloodOptions;
const result = await flood(opts);
process.stdout.write(
  `${JSON.stringify({ statuses: Object.fromEntries(result.statuses), cut: result.cut, requests: result.requests })}\n`,
);
