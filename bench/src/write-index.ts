/** Rebuilds bench/results/README.md from the per-benchmark tables already there. */
import { writeIndex } from './report.js';

writeIndex();
