/**
 * Entry of the engine benchmark's child process (bench/run.ts bundles it with Vite first, as the
 * app's code is bundled, and runs it with plain Node): `node engine.mjs <minutes> <runs>` prints
 * one JSON line. Run under tsx instead, each closure tsx wraps to keep its name costs ~40 % more.
 */
import { benchEngine } from './engine';

const [minutes = '10', runs = '7'] = process.argv.slice(2);
console.log(JSON.stringify(benchEngine({ minutes: Number(minutes), runs: Number(runs) })));
