/**
 * Writes docs/exercise-thresholds.md: every exercise threshold with its unit in words
 * (src/lib/exercises/threshold-table.ts). Run after changing a definition:
 * `npx tsx scripts/exercise-thresholds.ts`.
 */
import { writeFileSync } from 'node:fs';
import { EXERCISES } from '../src/lib/exercises/index';
import { thresholdDocument } from '../src/lib/exercises/threshold-table';

const path = new URL('../docs/exercise-thresholds.md', import.meta.url);
writeFileSync(path, thresholdDocument(EXERCISES));
console.log(`Wrote ${path.pathname}`);
