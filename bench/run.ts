/**
 * Speed and memory benchmark: `npm run bench [-- options]`. Prints a table (each figure with its
 * target and whether it is met) and writes the figures to `bench/results.json`.
 *
 *  bareMsPerFrame        the pose model alone, in Chromium, paced by the camera as the app is
 *  pipelineMsPerFrame    the whole workout page per frame (smoothing, metrics, rules, overlay,
 *                        Svelte updates), same browser, same clip, alternating windows with the
 *                        bare model
 *  pipelineRatio         bare fps / app fps                                      target ≤ 1.03
 *  modelOnlyMs           the estimator on a pre-made input tensor of the model's own size, in
 *                        the bare page between its windows: the model's own limit
 *  limitRatio            pipelineMsPerFrame / modelOnlyMs                        target ≤ 1.15
 *  engineMicrosPerFrame  Coach.process in Node over a 10-minute generated trace  target ≤ 20 µs
 *  coldStartMs           navigation → first keypoints, twice:
 *                          firstVisit: new profile, empty cache, no service worker, through the
 *                          safety note and the backend probe                   target ≤ 2500 ms
 *                          returnVisit: cached, service worker installed        target ≤ 1000 ms
 *  soak                  N minutes of the real model on the looping clip: tfjs tensors, the JS
 *                        heap and memory outside it (ArrayBuffers: the trace recording) at start
 *                        and end                 target: tensors flat, heap and outside < 5 MB
 *  postureCpuShare       the posture monitor's own benchmark (bench/posture-cpu.ts → .json):
 *                        run by the full run, read from its last JSON by a quick one
 *
 * Options:
 *   --quick          everything in under 3 minutes: a 2-minute soak, fewer and shorter windows
 *                    (writes .cache/bench/results-quick.json unless --out is given: the full
 *                    run's bench/results.json is the reference)
 *   --soak-minutes N soak length (default 20, quick 2)
 *   --build          always run `npm run build` first; --no-build: never (default: only when
 *                    build/ is missing or older than the sources)
 *   --skip <list>    comma-separated parts to leave out: engine, browser, posture
 *   --rounds N, --window S   bare/app window pairs and their length in s (default 4 × 15 s,
 *                    quick 1 × 5 s): e.g. a quick run with more rounds to compare two builds
 *   --out <file>     where to write the JSON
 *   --inference <list>  comma-separated modes of running the model (`?inference=`:
 *                    main, worker, pipelined; session/estimator.ts), one app page each, all in
 *                    the alternating windows: e.g. `--inference main,pipelined` compares the
 *                    page's thread with the worker in one run. The first mode is the `app` side
 *                    (soak, pipelineRatio, limitRatio); default: one page, the app's default
 *   --isolated       serve with COOP/COEP (cross-origin isolation: SharedArrayBuffer, so the
 *                    wasm backend may run its threaded build), to compare with the default
 *
 * The served app is a private copy of build/ (so a rebuild by someone else mid-run changes
 * nothing) plus the bare-model page (bench/browser/), both bundled by Vite as the app is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type InlineConfig } from 'vite';
import { benchBrowser, type BrowserResult } from './browser-bench';
import type { EngineResult } from './engine';
import { serveStatic } from './static-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = path.join(ROOT, '.cache/bench');
const SITE = path.join(WORK, 'site');

const TARGETS = {
	pipelineRatio: 1.03,
	limitRatio: 1.15,
	engineMicrosPerFrame: 20,
	firstVisitMs: 2500,
	returnVisitMs: 1000,
	soakHeapGrowthBytes: 5e6,
	soakExternalGrowthBytes: 5e6
} as const;

const { values: args } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		'soak-minutes': { type: 'string' },
		build: { type: 'boolean' },
		'no-build': { type: 'boolean' },
		skip: { type: 'string', default: '' },
		rounds: { type: 'string' },
		window: { type: 'string' },
		out: { type: 'string' },
		isolated: { type: 'boolean', default: false },
		inference: { type: 'string', default: '' }
	}
});
const quick = args.quick ?? false;
const skip = new Set((args.skip ?? '').split(',').filter(Boolean));
const soakMinutes = Number(args['soak-minutes'] ?? (quick ? 2 : 20));
const out = path.resolve(
	ROOT,
	args.out ?? (quick ? '.cache/bench/results-quick.json' : 'bench/results.json')
);
const t0 = performance.now();
/** Prints a line with the seconds since the start. */
const log = (line: string) =>
	console.log(
		line.startsWith('  ') || line === ''
			? line
			: `[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`
	);

/** Newest modification time under `dir` (files only), ms. */
async function newest(dir: string): Promise<number> {
	let max = 0;
	for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (!e.isFile()) continue;
		max = Math.max(max, (await stat(path.join(e.parentPath, e.name))).mtimeMs);
	}
	return max;
}

async function buildIsStale(): Promise<boolean> {
	const index = path.join(ROOT, 'build/index.html');
	if (!existsSync(index)) return true;
	const built = statSync(index).mtimeMs;
	const sources = Math.max(
		await newest(path.join(ROOT, 'src')),
		...['svelte.config.js', 'vite.config.ts', 'package.json'].map(
			(f) => statSync(path.join(ROOT, f)).mtimeMs
		)
	);
	return sources > built;
}

/** Copies build/ to a private folder and bundles the bare-model page into it. */
async function prepareSite(): Promise<void> {
	await rm(SITE, { recursive: true, force: true });
	await cp(path.join(ROOT, 'build'), SITE, { recursive: true });
	if (!existsSync(path.join(SITE, 'index.html')) || !existsSync(path.join(SITE, 'models'))) {
		throw new Error('build/ looks incomplete (a build running right now?): try again');
	}
	const config: InlineConfig = {
		configFile: false,
		logLevel: 'warn',
		root: path.join(ROOT, 'bench/browser'),
		base: '/__bench/',
		resolve: {
			alias: {
				$lib: path.join(ROOT, 'src/lib'),
				// The bare page runs the tfjs runtime only; pose-detection's MediaPipe import needs
				// the app's shim (vite.config.ts), which a stub replaces here.
				'@mediapipe/pose': path.join(ROOT, 'bench/browser/mediapipe-stub.ts')
			}
		},
		build: {
			outDir: path.join(SITE, '__bench'),
			emptyOutDir: true,
			reportCompressedSize: false,
			rollupOptions: { input: path.join(ROOT, 'bench/browser/bare.html') }
		}
	};
	await build(config);
}

/** Bundles the engine benchmark (as the app's code is bundled) and runs it in plain Node. */
async function runEngine(): Promise<EngineResult> {
	const dir = path.join(WORK, 'engine');
	await build({
		configFile: false,
		logLevel: 'warn',
		root: ROOT,
		ssr: { noExternal: true },
		build: {
			ssr: path.join(ROOT, 'bench/engine-main.ts'),
			outDir: dir,
			emptyOutDir: true,
			minify: false,
			rollupOptions: { output: { entryFileNames: 'engine.mjs' } }
		}
	});
	// A 10-minute trace (5 in a quick run), median of 7 runs (3).
	const minutes = quick ? 5 : 10;
	const runs = quick ? 3 : 7;
	const stdout = execFileSync(
		process.execPath,
		[path.join(dir, 'engine.mjs'), `${minutes}`, `${runs}`],
		{
			encoding: 'utf8'
		}
	);
	return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as EngineResult;
}

interface PostureCpu {
	/** Page main thread, share of one core. */
	value: number | null;
	target: number | null;
	met: boolean | null;
	/** All Chromium processes together, share of one core. */
	allValue: number | null;
	allTarget: number | null;
	allMet: boolean | null;
	/** The clip: mixed (upright and slouched in turn) or desk (upright). */
	clip: string | null;
	source: string;
	detail: unknown;
}

/**
 * The posture monitor's CPU share, from its own benchmark (bench/posture-cpu.ts, another
 * engineer's): the full run runs it (about 3 minutes); a quick run reads its last
 * bench/posture-cpu.json, if any.
 */
async function postureCpu(): Promise<PostureCpu> {
	const file = path.join(ROOT, 'bench/posture-cpu.json');
	const script = path.join(ROOT, 'bench/posture-cpu.ts');
	if (!quick && !skip.has('posture') && existsSync(script)) {
		log('Posture monitor CPU (bench/posture-cpu.ts)…');
		try {
			execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script], {
				cwd: ROOT,
				stdio: 'inherit'
			});
		} catch (e) {
			log(`  bench/posture-cpu.ts failed: ${String(e)}`);
		}
	}
	if (!existsSync(file)) {
		return {
			value: null,
			target: null,
			met: null,
			allValue: null,
			allTarget: null,
			allMet: null,
			clip: null,
			source: existsSync(script)
				? 'pending (bench/posture-cpu.ts has not written its JSON)'
				: 'pending',
			detail: null
		};
	}
	const json = JSON.parse(await readFile(file, 'utf8')) as {
		postureCpuShare?: unknown;
		allChromiumProcessesShare?: unknown;
		clip?: unknown;
		target?: {
			share?: unknown;
			met?: unknown;
			allChromiumShare?: unknown;
			allChromiumMet?: unknown;
		};
	};
	const num = (x: unknown) => (typeof x === 'number' ? x : null);
	const bool = (x: unknown) => (typeof x === 'boolean' ? x : null);
	return {
		value: num(json.postureCpuShare),
		target: num(json.target?.share),
		met: bool(json.target?.met),
		allValue: num(json.allChromiumProcessesShare),
		allTarget: num(json.target?.allChromiumShare),
		allMet: bool(json.target?.allChromiumMet),
		clip: typeof json.clip === 'string' ? json.clip : null,
		source: `bench/posture-cpu.json of ${new Date(statSync(file).mtimeMs).toISOString()}`,
		detail: json
	};
}

const median = (values: readonly number[]): number => {
	const v = [...values].sort((a, b) => a - b);
	if (v.length === 0) return NaN;
	return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};
const r2 = (v: number) => Math.round(v * 100) / 100;

/** A git command's trimmed output, or null where git is missing or fails. */
function git(args: string[]): string | null {
	try {
		return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
	} catch {
		return null;
	}
}

async function main() {
	const started = Date.now();
	log(`Scapula benchmark (${quick ? 'quick' : 'full'}, soak ${soakMinutes} min)`);

	let browserResult: BrowserResult | null = null;
	if (!skip.has('browser')) {
		const stale = args.build || (!args['no-build'] && (await buildIsStale()));
		if (stale) {
			log('Building the app (npm run build)…');
			execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		}
		log('Copying the build and bundling the bare-model page…');
		await prepareSite();
	}

	let engine: EngineResult | null = null;
	if (!skip.has('engine')) {
		log('Engine in Node (Coach.process over a generated trace)…');
		engine = await runEngine();
		log(
			`  ${engine.frames} frames ×${engine.runs}: ${engine.cpuMicrosPerFrame} µs CPU, ` +
				`${engine.wallMicrosPerFrame} µs wall per frame; ${engine.reps}/${engine.repsInTrace} reps counted`
		);
	}

	if (!skip.has('browser')) {
		const server = await serveStatic(
			SITE,
			0,
			args.isolated
				? {
						'cross-origin-opener-policy': 'same-origin',
						'cross-origin-embedder-policy': 'require-corp'
					}
				: {}
		);
		try {
			log(`Chromium, fake camera on the real clip (${server.url})…`);
			browserResult = await benchBrowser({
				baseUrl: server.url.replace('localhost', '127.0.0.1'),
				// Full: A B B A A B B A; quick: A B (indicative only on a busy machine).
				rounds: Number(args.rounds ?? (quick ? 1 : 4)),
				windowSeconds: Number(args.window ?? (quick ? 5 : 15)),
				coldStarts: quick ? 1 : 3,
				soakMinutes,
				inference: (args.inference ?? '').split(',').filter(Boolean),
				log
			});
		} finally {
			await server.close();
		}
	}

	const posture = await postureCpu();

	// ---- figures ----
	const b = browserResult;
	const bareMsPerFrame = b ? r2(1000 / b.bareFps) : null;
	const pipelineMsPerFrame = b ? r2(1000 / b.appFps) : null;
	const pipelineRatio = b ? Math.round((b.bareFps / b.appFps) * 1000) / 1000 : null;
	// The same comparison in main-thread CPU per frame: contention-proof, a diagnostic beside it.
	const cpuRatio =
		b && b.bareMainThreadMs && b.appMainThreadMs
			? Math.round((b.appMainThreadMs / b.bareMainThreadMs) * 1000) / 1000
			: null;
	const modelOnlyMs = b && b.modelOnlyMs.length > 0 ? r2(median(b.modelOnlyMs)) : null;
	const limitRatio =
		pipelineMsPerFrame !== null && modelOnlyMs
			? Math.round((pipelineMsPerFrame / modelOnlyMs) * 1000) / 1000
			: null;
	const returnVisitMs = b && b.coldStartMs.length > 0 ? Math.round(median(b.coldStartMs)) : null;
	const firstVisitMs = b?.firstVisitMs == null ? null : Math.round(b.firstVisitMs);
	const first = b?.soak.samples[0];
	const last = b?.soak.samples.at(-1);
	const soak =
		b && first && last
			? {
					minutes: b.soak.minutes,
					frames: b.soak.frames,
					fps: r2(b.soak.fps),
					restarts: b.soak.restarts,
					tensorsStart: first.tensors,
					tensorsEnd: last.tensors,
					tensorsMax: Math.max(...b.soak.samples.map((s) => s.tensors ?? 0)),
					heapStartBytes: first.heapUsed,
					heapEndBytes: last.heapUsed,
					heapGrowthBytes: last.heapUsed - first.heapUsed,
					externalStartBytes: first.external,
					externalEndBytes: last.external,
					externalGrowthBytes:
						first.external === null || last.external === null
							? null
							: last.external - first.external,
					samples: b.soak.samples
				}
			: null;

	const met = {
		pipelineRatio: pipelineRatio === null ? null : pipelineRatio <= TARGETS.pipelineRatio,
		limitRatio: limitRatio === null ? null : limitRatio <= TARGETS.limitRatio,
		engineMicrosPerFrame: engine ? engine.cpuMicrosPerFrame <= TARGETS.engineMicrosPerFrame : null,
		firstVisitMs: firstVisitMs === null ? null : firstVisitMs <= TARGETS.firstVisitMs,
		returnVisitMs: returnVisitMs === null ? null : returnVisitMs <= TARGETS.returnVisitMs,
		soakTensorsFlat: soak
			? soak.tensorsEnd !== null && soak.tensorsEnd <= (soak.tensorsStart ?? 0)
			: null,
		soakHeap: soak ? soak.heapGrowthBytes < TARGETS.soakHeapGrowthBytes : null,
		soakExternal:
			soak?.externalGrowthBytes == null
				? null
				: soak.externalGrowthBytes < TARGETS.soakExternalGrowthBytes,
		postureCpuShare: posture.met,
		postureAllChromiumShare: posture.allMet
	};

	// Tracked files that differ from the commit: the figures then describe no commit.
	const treeStatus = git(['status', '--porcelain', '--untracked-files=no']);
	const results = {
		bareMsPerFrame,
		pipelineMsPerFrame,
		pipelineRatio,
		modelOnlyMs,
		limitRatio,
		engineMicrosPerFrame: engine?.cpuMicrosPerFrame ?? null,
		coldStartMs: { firstVisit: firstVisitMs, returnVisit: returnVisitMs },
		soak,
		postureCpuShare: posture.value,
		postureAllChromiumShare: posture.allValue,
		targets: {
			pipelineRatio: `≤ ${TARGETS.pipelineRatio}`,
			limitRatio: `≤ ${TARGETS.limitRatio}`,
			engineMicrosPerFrame: `≤ ${TARGETS.engineMicrosPerFrame} µs`,
			coldStartMs: {
				firstVisit: `≤ ${TARGETS.firstVisitMs} ms`,
				returnVisit: `≤ ${TARGETS.returnVisitMs} ms`
			},
			soak: `tensors flat, heap and outside-heap growth each < ${TARGETS.soakHeapGrowthBytes / 1e6} MB`,
			postureCpuShare: posture.target === null ? null : `≤ ${posture.target}`,
			postureAllChromiumShare: posture.allTarget === null ? null : `≤ ${posture.allTarget}`
		},
		met,
		details: {
			mode: quick ? 'quick' : 'full',
			at: new Date(started).toISOString(),
			commit: git(['rev-parse', '--short', 'HEAD']),
			uncommittedChanges: treeStatus === null ? null : treeStatus !== '',
			crossOriginIsolated: args.isolated ?? false,
			machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, loadavg: os.loadavg() },
			chromium: b?.chromium ?? null,
			model: b?.model ?? null,
			backend: b?.backend ?? null,
			bareFps: b ? r2(b.bareFps) : null,
			appFps: b ? r2(b.appFps) : null,
			bareMainThreadMsPerFrame: b?.bareMainThreadMs == null ? null : r2(b.bareMainThreadMs),
			appMainThreadMsPerFrame: b?.appMainThreadMs == null ? null : r2(b.appMainThreadMs),
			mainThreadCpuRatio: cpuRatio,
			// `--inference`: the app per mode of running the model, in the same windows.
			byInference:
				b?.byInference.map((m) => ({
					inference: m.inference,
					fps: r2(m.fps),
					msPerFrame: r2(1000 / m.fps),
					mainThreadMsPerFrame: m.mainThreadMs === null ? null : r2(m.mainThreadMs),
					modelMs: m.modelMs === null ? null : r2(m.modelMs)
				})) ?? [],
			windows: b?.windows ?? [],
			returnVisitRunsMs: b?.coldStartMs.map(Math.round) ?? [],
			modelOnlyRunsMs: b?.modelOnlyMs.map(r2) ?? [],
			// One frame's steps timed apart (bare page): where estimate(video) spends beyond the model.
			frameProfileMs: b
				? Object.fromEntries(
						Object.entries(b.frameProfile).map(([k, v]) => [k, typeof v === 'number' ? r2(v) : v])
					)
				: null,
			engine,
			postureCpu: posture,
			pageErrors: b?.pageErrors ?? [],
			seconds: Math.round((Date.now() - started) / 1000)
		}
	};

	// ---- table ----
	const yes = (m: boolean | null) => (m === null ? 'n/a' : m ? 'met' : 'NOT MET');
	const rows: Array<[string, string, string, string]> = [
		[
			'bareMsPerFrame',
			bareMsPerFrame === null ? '–' : `${bareMsPerFrame} ms (${results.details.bareFps} fps)`,
			'(reference)',
			''
		],
		[
			'pipelineMsPerFrame',
			pipelineMsPerFrame === null
				? '–'
				: `${pipelineMsPerFrame} ms (${results.details.appFps} fps)`,
			'(reference)',
			''
		],
		[
			'pipelineRatio',
			pipelineRatio === null ? '–' : `${pipelineRatio}`,
			`≤ ${TARGETS.pipelineRatio}`,
			yes(met.pipelineRatio)
		],
		[
			'modelOnlyMs',
			modelOnlyMs === null
				? '–'
				: `${modelOnlyMs} ms (runs ${results.details.modelOnlyRunsMs.join(', ')})`,
			'(reference)',
			''
		],
		[
			'limitRatio',
			limitRatio === null ? '–' : `${limitRatio}`,
			`≤ ${TARGETS.limitRatio}`,
			yes(met.limitRatio)
		],
		[
			'  main-thread CPU',
			cpuRatio === null
				? '–'
				: `${r2(b!.appMainThreadMs!)} vs ${r2(b!.bareMainThreadMs!)} ms/frame = ${cpuRatio}`,
			'(diagnostic)',
			''
		],
		...(b?.byInference ?? []).map((m) => [
			`  app, ${m.inference}`,
			`${r2(1000 / m.fps)} ms/frame (${r2(m.fps)} fps), main thread ${
				m.mainThreadMs === null ? '–' : r2(m.mainThreadMs)
			} ms CPU/frame, model ${m.modelMs === null ? '–' : r2(m.modelMs)} ms`,
			'(--inference)',
			''
		]),
		[
			'engineMicrosPerFrame',
			engine ? `${engine.cpuMicrosPerFrame} µs CPU (${engine.wallMicrosPerFrame} wall)` : '–',
			`≤ ${TARGETS.engineMicrosPerFrame} µs`,
			yes(met.engineMicrosPerFrame)
		],
		[
			'coldStartMs first visit',
			firstVisitMs === null ? '–' : `${firstVisitMs} ms`,
			`≤ ${TARGETS.firstVisitMs} ms`,
			yes(met.firstVisitMs)
		],
		[
			'coldStartMs return visit',
			returnVisitMs === null
				? '–'
				: `${returnVisitMs} ms (runs ${results.details.returnVisitRunsMs.join(', ')})`,
			`≤ ${TARGETS.returnVisitMs} ms`,
			yes(met.returnVisitMs)
		],
		[
			`soak tensors (${soakMinutes} min)`,
			soak ? `${soak.tensorsStart} → ${soak.tensorsEnd} (max ${soak.tensorsMax})` : '–',
			'flat',
			yes(met.soakTensorsFlat)
		],
		[
			'soak JS heap',
			soak
				? `${(soak.heapStartBytes / 1e6).toFixed(2)} → ${(soak.heapEndBytes / 1e6).toFixed(2)} MB (${soak.heapGrowthBytes >= 0 ? '+' : ''}${(soak.heapGrowthBytes / 1e6).toFixed(2)}), ${soak.frames} frames`
				: '–',
			`< +${TARGETS.soakHeapGrowthBytes / 1e6} MB`,
			yes(met.soakHeap)
		],
		[
			'soak outside the heap',
			soak?.externalGrowthBytes != null
				? `${(soak.externalStartBytes! / 1e6).toFixed(2)} → ${(soak.externalEndBytes! / 1e6).toFixed(2)} MB (${soak.externalGrowthBytes >= 0 ? '+' : ''}${(soak.externalGrowthBytes / 1e6).toFixed(2)}): ArrayBuffers, the trace recording`
				: '–',
			`< +${TARGETS.soakExternalGrowthBytes / 1e6} MB`,
			yes(met.soakExternal)
		],
		[
			'postureCpuShare',
			posture.value === null
				? 'pending'
				: `${(posture.value * 100).toFixed(2)} % of one core (main thread, ${posture.clip ?? '?'} clip)`,
			posture.target === null ? '(bench/posture-cpu.ts)' : `≤ ${posture.target * 100} %`,
			posture.value === null ? '' : `${yes(posture.met)} (${posture.source})`
		],
		[
			'  all Chromium processes',
			posture.allValue === null ? '–' : `${(posture.allValue * 100).toFixed(2)} % of one core`,
			posture.allTarget === null ? '' : `≤ ${posture.allTarget * 100} %`,
			posture.allValue === null ? '' : yes(posture.allMet)
		]
	];
	const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
	console.log('');
	for (const r of rows)
		console.log(
			`${r[0].padEnd(width[0]!)}  ${r[1].padEnd(width[1]!)}  ${r[2].padEnd(width[2]!)}  ${r[3]}`
		);
	if (results.details.pageErrors.length > 0) {
		console.log(`Page errors during the run (${results.details.pageErrors.length}):`);
		for (const e of results.details.pageErrors.slice(0, 10)) console.log(`  ${e}`);
	}

	await mkdir(path.dirname(out), { recursive: true });
	await writeFile(out, JSON.stringify(results, null, '\t') + '\n');
	console.log(`\nWrote ${path.relative(ROOT, out)} in ${results.details.seconds} s.`);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exitCode = 1;
});
