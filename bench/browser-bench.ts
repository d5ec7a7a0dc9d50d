/**
 * The in-browser benchmarks, in real Chromium with its fake camera playing the real clip
 * (tests/fixtures/media/tfjs_pose_1.mp4, 640×640 at 30 fps, looping), all in one browser:
 *
 * - first visit: a new browser profile (empty cache, no service worker, no stored settings)
 *   loads the workout; the bench clicks through the safety note and starts the camera the moment
 *   each button is enabled, as a user would without reading, until the overlay shows keypoints.
 *   The once-only backend probe runs in it, as it does for a user. Times from navigation start.
 * - return visit: the same, later, in the same profile: the model files and app are cached and
 *   the service worker installed, the safety note already acknowledged.
 * - model only: the estimator on one pre-made input tensor of the model's own input size, in the
 *   bare page between its windows: what the model itself costs, with no camera frame to read.
 * - bare vs app: the model alone (bench/browser/bare.ts: the app's camera constraints, frame
 *   loop and estimator, nothing else) and the whole workout page (smoothing, metrics, rules,
 *   overlay, Svelte updates), each paced by the camera's frames as the app is, in alternating
 *   windows (A B B A …) so that a busy machine slows both alike. Frames per second are counted
 *   over each window; ms per frame is 1000 / fps.
 * - soak: the workout page running for N minutes; tfjs tensors and the JS heap (after a forced
 *   garbage collection, through the DevTools protocol) at the start, every 30 s, and at the end.
 */
import {
	chromium,
	type Browser,
	type BrowserContext,
	type CDPSession,
	type Page
} from '@playwright/test';
import ensureFakeCameraClip, { Y4M } from '../tests/e2e/global-setup';
import type { BareApi, BareStats, FrameProfile } from './browser/bare';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The move whose page is measured: the fake camera's clip is an overhead reach. */
const WORKOUT = '/workout/overhead-arm-reach?stats';

/** Flags as in playwright.config.ts (headless as root, timers not throttled) + the fake camera. */
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-background-timer-throttling',
	'--disable-renderer-backgrounding',
	'--disable-backgrounding-occluded-windows',
	'--use-fake-ui-for-media-stream',
	'--use-fake-device-for-media-stream',
	`--use-file-for-fake-video-capture=${Y4M}`
];

export interface BrowserBenchOptions {
	/** Base URL of the served app (with /__bench/bare.html beside it). */
	baseUrl: string;
	/** Alternating measurement windows per side, and their length in seconds. */
	rounds: number;
	windowSeconds: number;
	/** Return visits measured (after the first visit). */
	coldStarts: number;
	soakMinutes: number;
	/**
	 * Where the app runs the model, one app page per mode (`?inference=`, session/estimator.ts),
	 * each in the alternating windows; empty: one page, the app's default. The first mode's page
	 * is the one soaked and reported as `app`.
	 */
	inference: readonly string[];
	log: (line: string) => void;
}

export interface WindowResult {
	side: 'bare' | 'app';
	/** App windows: the page's `?inference=` mode, or null for the app's default. */
	inference: string | null;
	frames: number;
	seconds: number;
	fps: number;
	/** Bare: mean estimate() ms; app: the model's share as the app's own stats measure it. */
	modelMs: number | null;
	/** App only: frame in → coach state out, ms (the part of the app inside the frame loop). */
	loopMs: number | null;
	/**
	 * CPU time of the page's main thread per frame, ms (DevTools `TaskDuration` in thread ticks:
	 * time spent waiting for a core is not counted, so a busy machine does not inflate it). The
	 * model (tfjs wasm) runs there too; app minus bare is what the app adds on that thread.
	 */
	mainThreadMsPerFrame: number | null;
}

export interface MemorySample {
	/** Seconds since the soak's first sample. */
	at: number;
	frames: number;
	tensors: number | null;
	tfBytes: number | null;
	heapUsed: number;
	/** ArrayBuffers and other memory outside the JS heap (e.g. the trace recorder's chunks). */
	external: number | null;
}

export interface BrowserResult {
	chromium: string;
	model: string | null;
	backend: string | null;
	/** Return visits, ms from navigation start to the first keypoints drawn. */
	coldStartMs: number[];
	/** First visit (empty cache, no service worker), the same; includes the backend probe. */
	firstVisitMs: number | null;
	/** The estimator on a pre-made input tensor, mean ms, once per round (bare page). */
	modelOnlyMs: number[];
	/** One frame's steps timed apart in the bare page, after the rounds. */
	frameProfile: FrameProfile;
	windows: WindowResult[];
	bareFps: number;
	appFps: number;
	/** Main-thread CPU ms per frame, all windows of each side (see WindowResult). */
	bareMainThreadMs: number | null;
	appMainThreadMs: number | null;
	/** Per inference mode asked for (`inference`), the same app figures over its windows. */
	byInference: InferenceResult[];
	soak: {
		minutes: number;
		frames: number;
		fps: number;
		/** Times the set was done and started again during the soak. */
		restarts: number;
		samples: MemorySample[];
	};
	pageErrors: string[];
}

export interface InferenceResult {
	inference: string;
	fps: number;
	/** Main-thread CPU ms per frame (the model is not on it in the worker modes). */
	mainThreadMs: number | null;
	/** The app's own mean model ms (estimate call to bodies back), over its windows. */
	modelMs: number | null;
}

type AppStats = {
	frames: number;
	modelMs: { mean: number };
	pipelineMs: { mean: number };
	model: string | null;
	backend: string | null;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function watchErrors(page: Page, errors: string[], label: string) {
	page.on('pageerror', (e) => errors.push(`${label}: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`${label} console: ${m.text()}`);
	});
}

async function appStats(page: Page): Promise<AppStats & { now: number }> {
	return page.evaluate(() => {
		const s = (window as unknown as { __scapulaStats: AppStats }).__scapulaStats;
		return { ...s, now: performance.now() };
	});
}

async function startApp(page: Page): Promise<void> {
	await page.getByTestId('start-camera').click({ timeout: 120_000 });
	await page
		.getByTestId('tracking-status')
		.filter({ hasText: 'Tracking' })
		.waitFor({ timeout: 240_000 });
}

async function stopApp(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Stop camera' }).click();
	await page.getByTestId('start-camera').waitFor();
}

/**
 * Loads the workout page in a new tab, acknowledges the safety note if it is asked, and starts
 * the camera from inside the page the moment the button is enabled; resolves with ms from
 * navigation start to the first keypoints drawn.
 */
async function coldStart(
	context: BrowserContext,
	baseUrl: string,
	errors: string[],
	label: string
) {
	const page = await context.newPage();
	watchErrors(page, errors, label);
	// A string, not a function: tsx wraps named inner functions in a `__name` helper that the
	// page does not have.
	await page.addInitScript(`(() => {
		window.__clicks = [];
		let lastClick = -Infinity;
		function poll() {
			// Click as a user would, as soon as the button is enabled; again every 100 ms while it
			// still is (a click before the page has hydrated does nothing).
			const now = performance.now();
			const safety = document.querySelector('[data-testid="safety-note"] button');
			if (safety && now - lastClick > 100) {
				lastClick = now;
				safety.click();
			}
			const button = document.querySelector('[data-testid="start-camera"]');
			if (button && !button.disabled && now - lastClick > 100) {
				lastClick = now;
				window.__clicks.push(now);
				button.click();
			}
			const overlay = document.querySelector('[data-testid="overlay"]');
			if (Number(overlay?.getAttribute('data-keypoints') ?? 0) > 0) {
				window.__firstKeypointsMs = now;
				return;
			}
			requestAnimationFrame(poll);
		}
		requestAnimationFrame(poll);
	})();`);
	await page.goto(baseUrl + WORKOUT);
	await page.waitForFunction(
		() => (window as unknown as { __firstKeypointsMs?: number }).__firstKeypointsMs !== undefined,
		undefined,
		{ timeout: 60_000, polling: 100 }
	);
	const ms = await page.evaluate(
		() => (window as unknown as { __firstKeypointsMs: number }).__firstKeypointsMs
	);
	// The app saves itself for offline use once its model has loaded (app/offline-install.ts):
	// stay on the page, as a person exercising would, until that is done.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.close();
	return ms;
}

/** The page's main-thread CPU time so far, ms (thread ticks). */
async function mainThreadMs(cdp: CDPSession): Promise<number> {
	const { metrics } = (await cdp.send('Performance.getMetrics')) as {
		metrics: { name: string; value: number }[];
	};
	return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

/** A DevTools session on `page` measuring its threads' CPU time rather than wall time. */
async function cpuSession(page: Page): Promise<CDPSession> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
	return cdp;
}

const perFrame = (ms: number, frames: number) =>
	frames > 0 && Number.isFinite(ms) ? ms / frames : null;

async function appWindow(
	page: Page,
	cdp: CDPSession,
	seconds: number,
	inference: string | null
): Promise<WindowResult> {
	// A fresh set each window: the clip's reaches would finish the dose (10) mid-window, and a
	// finished set turns the camera off.
	await page.getByRole('button', { name: 'Start over' }).click();
	await startApp(page);
	await sleep(2000); // settle: the first frames after a start are not representative
	await page.evaluate(() =>
		(window as unknown as { __scapulaResetStats: () => void }).__scapulaResetStats()
	);
	const a = await appStats(page);
	const cpuA = await mainThreadMs(cdp);
	await sleep(seconds * 1000);
	const b = await appStats(page);
	const cpuB = await mainThreadMs(cdp);
	await stopApp(page);
	const secs = (b.now - a.now) / 1000;
	const frames = b.frames - a.frames;
	return {
		side: 'app',
		inference,
		frames,
		seconds: secs,
		fps: frames / secs,
		modelMs: b.modelMs.mean,
		loopMs: b.pipelineMs.mean,
		mainThreadMsPerFrame: perFrame(cpuB - cpuA, frames)
	};
}

async function bareWindow(page: Page, cdp: CDPSession, seconds: number): Promise<WindowResult> {
	type Bare = { start(): Promise<void>; stop(): void; stats(): BareStats };
	await page.evaluate(() => (window as unknown as { __bare: Bare }).__bare.start());
	await sleep(2000);
	const read = () =>
		page.evaluate(() => ({
			...(window as unknown as { __bare: Bare }).__bare.stats(),
			now: performance.now()
		}));
	const a = await read();
	const cpuA = await mainThreadMs(cdp);
	await sleep(seconds * 1000);
	const b = await read();
	const cpuB = await mainThreadMs(cdp);
	await page.evaluate(() => (window as unknown as { __bare: Bare }).__bare.stop());
	const secs = (b.now - a.now) / 1000;
	const frames = b.frames - a.frames;
	return {
		side: 'bare',
		inference: null,
		frames,
		seconds: secs,
		fps: frames / secs,
		modelMs: frames > 0 ? (b.estimateMs - a.estimateMs) / frames : null,
		loopMs: null,
		mainThreadMsPerFrame: perFrame(cpuB - cpuA, frames)
	};
}

async function memorySample(page: Page, t0: number): Promise<MemorySample> {
	const cdp = await page.context().newCDPSession(page);
	try {
		await cdp.send('HeapProfiler.collectGarbage');
		const heap = (await cdp.send('Runtime.getHeapUsage')) as {
			usedSize: number;
			backingStorageSize?: number;
		};
		// tfjs's tensors: in the pose worker when the model runs there (`?inference=`), else in
		// the page (where tfjs has no backend then, and memory() would throw).
		const tfMemory = () => {
			type Engine = { backendName?: string; memory(): { numTensors: number; numBytes: number } };
			const engine = (globalThis as unknown as { _tfengine?: Engine })._tfengine;
			return engine?.backendName ? engine.memory() : null;
		};
		const poseWorker = page.workers().find((w) => /estimator\.worker/.test(w.url()));
		const tf = await (poseWorker ? poseWorker.evaluate(tfMemory) : page.evaluate(tfMemory));
		const frames = await page.evaluate(
			() =>
				(window as unknown as { __scapulaStats?: { frames: number } }).__scapulaStats?.frames ?? 0
		);
		return {
			at: (performance.now() - t0) / 1000,
			frames,
			tensors: tf?.numTensors ?? null,
			tfBytes: tf?.numBytes ?? null,
			heapUsed: heap.usedSize,
			external: heap.backingStorageSize ?? null
		};
	} finally {
		await cdp.detach();
	}
}

async function soak(page: Page, minutes: number, log: (line: string) => void) {
	await page.evaluate(() =>
		(window as unknown as { __scapulaResetStats: () => void }).__scapulaResetStats()
	);
	await startApp(page);
	await sleep(3000); // steady state: first frames allocate the model's working memory
	const t0 = performance.now();
	const samples: MemorySample[] = [await memorySample(page, t0)];
	const end = t0 + minutes * 60_000;
	let restarts = 0;
	while (performance.now() < end) {
		const sampleAt = Math.min(performance.now() + 30_000, end);
		while (performance.now() < sampleAt) {
			await sleep(Math.min(1000, sampleAt - performance.now()));
			// The clip's reaches finish the dose about every 45 s, and a finished set turns the
			// camera off: start the next round as a person would ("Start again"). The page, its
			// model and its trace recording stay: this is one long visit.
			if (await restartIfFinished(page)) restarts++;
		}
		const s = await memorySample(page, t0);
		samples.push(s);
		log(
			`  soak ${s.at.toFixed(0).padStart(4)} s: ${s.frames} frames, ${s.tensors} tensors, ` +
				`heap ${(s.heapUsed / 1e6).toFixed(2)} MB` +
				(s.external === null ? '' : `, outside the heap ${(s.external / 1e6).toFixed(2)} MB`)
		);
	}
	await restartIfFinished(page);
	await stopApp(page);
	const first = samples[0]!;
	const last = samples[samples.length - 1]!;
	const frames = last.frames - first.frames;
	return { minutes, frames, fps: frames / (last.at - first.at), restarts, samples };
}

/** Clicks "Start again" if the set is done (the camera is off); true if it did. */
async function restartIfFinished(page: Page): Promise<boolean> {
	const again = page.getByTestId('start-camera');
	if (!(await again.isVisible()) || !(await again.isEnabled())) return false;
	await startApp(page);
	return true;
}

export async function benchBrowser(o: BrowserBenchOptions): Promise<BrowserResult> {
	ensureFakeCameraClip();
	const errors: string[] = [];
	let browser: Browser | null = null;
	try {
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
		// A new profile: empty HTTP cache, no service worker, nothing in localStorage.
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

		// First visit: fills the HTTP and service-worker caches, stores the safety
		// acknowledgement and runs the once-only backend probe, which is remembered.
		const firstVisitMs = await coldStart(context, o.baseUrl, errors, 'first visit');
		o.log(`  first visit: ${firstVisitMs.toFixed(0)} ms to first keypoints`);
		// Let the service worker finish installing, as it would while a user reads the page.
		await sleep(3000);

		const coldStartMs: number[] = [];
		for (let i = 0; i < o.coldStarts; i++) {
			coldStartMs.push(await coldStart(context, o.baseUrl, errors, 'return visit'));
			o.log(`  return visit ${i + 1}: ${coldStartMs[i]!.toFixed(0)} ms to first keypoints`);
		}

		const modes: (string | null)[] = o.inference.length > 0 ? [...o.inference] : [null];
		const apps: { mode: string | null; page: Page }[] = [];
		for (const mode of modes) {
			const page = await context.newPage();
			watchErrors(page, errors, mode ? `app ${mode}` : 'app');
			await page.goto(o.baseUrl + WORKOUT + (mode ? `&inference=${mode}` : ''));
			await startApp(page);
			const s = await appStats(page);
			const workers = page.workers().length;
			o.log(`  app${mode ? ` (${mode})` : ''}: ${s.model} on ${s.backend}, ${workers} worker(s)`);
			await stopApp(page);
			apps.push({ mode, page });
		}
		const app = apps[0]!.page;
		const { model, backend } = await appStats(app);

		const bare = await context.newPage();
		watchErrors(bare, errors, 'bare');
		await bare.goto(`${o.baseUrl}/__bench/bare.html`);
		await bare.evaluate(
			([m, b]) =>
				(
					window as unknown as { __bare: { load(m: string, b: string): Promise<void> } }
				).__bare.load(m, b),
			[model ?? 'movenet-lightning', backend ?? 'wasm'] as const
		);

		const appCpus = await Promise.all(apps.map((a) => cpuSession(a.page)));
		const bareCpu = await cpuSession(bare);
		const windows: WindowResult[] = [];
		const modelOnlyMs: number[] = [];
		// Sides: the bare page, then each app page (one per inference mode).
		const sides = [-1, ...apps.map((_, i) => i)];
		for (let r = 0; r < o.rounds; r++) {
			// A B, then B A: a machine that gets busier during the run slows both sides alike.
			const order = r % 2 === 0 ? sides : [...sides].reverse();
			for (const side of order) {
				const w =
					side < 0
						? (await bare.bringToFront(), await bareWindow(bare, bareCpu, o.windowSeconds))
						: (await apps[side]!.page.bringToFront(),
							await appWindow(apps[side]!.page, appCpus[side]!, o.windowSeconds, apps[side]!.mode));
				windows.push(w);
				const label = w.side === 'app' && w.inference ? `app ${w.inference}` : w.side;
				o.log(
					`  ${label.padEnd(4)} window ${r + 1}: ${w.frames} frames in ${w.seconds.toFixed(1)} s = ` +
						`${w.fps.toFixed(2)} fps (model ${w.modelMs?.toFixed(1) ?? '–'} ms` +
						(w.loopMs === null ? '' : `, frame loop ${w.loopMs.toFixed(1)} ms`) +
						`, main thread ${w.mainThreadMsPerFrame?.toFixed(1) ?? '–'} ms CPU)`
				);
			}
			await bare.bringToFront();
			modelOnlyMs.push(
				await bare.evaluate(() =>
					(
						window as unknown as { __bare: { modelOnly(runs: number): Promise<number> } }
					).__bare.modelOnly(40)
				)
			);
			o.log(`  model only ${r + 1}: ${modelOnlyMs[r]!.toFixed(1)} ms on a pre-made input`);
		}
		// Where the bare page's frame time goes, step by step, on one frame (bench/browser/bare.ts).
		await bare.bringToFront();
		const frameProfile = await bare.evaluate(() =>
			(window as unknown as { __bare: BareApi }).__bare.profile(30)
		);
		o.log(
			`  one frame, step by step: read ${frameProfile.readMs.toFixed(1)} ms, fromPixels ` +
				`${frameProfile.fromPixelsMs.toFixed(1)} ms, estimator on that tensor ` +
				`${frameProfile.estimateReadSizeTensorMs.toFixed(1)} ms, on a ` +
				`${frameProfile.read.join('×')} → input-size tensor ` +
				`${frameProfile.estimateInputSizeTensorMs.toFixed(1)} ms, on the video ` +
				`${frameProfile.estimateVideoMs.toFixed(1)} ms`
		);
		await bare.close();
		await app.bringToFront();

		type Pick = (w: WindowResult) => boolean;
		const isBare: Pick = (w) => w.side === 'bare';
		const isMode =
			(mode: string | null): Pick =>
			(w) =>
				w.side === 'app' && w.inference === mode;
		const fpsOf = (pick: Pick) => {
			const ws = windows.filter(pick);
			const frames = ws.reduce((s, w) => s + w.frames, 0);
			const secs = ws.reduce((s, w) => s + w.seconds, 0);
			return frames / secs;
		};
		/** Main-thread CPU ms per frame over all of a side's windows (frame-weighted). */
		const cpuOf = (pick: Pick) => {
			const ws = windows.filter((w) => pick(w) && w.mainThreadMsPerFrame !== null);
			const frames = ws.reduce((s, w) => s + w.frames, 0);
			const ms = ws.reduce((s, w) => s + w.mainThreadMsPerFrame! * w.frames, 0);
			return frames > 0 ? ms / frames : null;
		};
		/** The app's mean model ms over a mode's windows (frame-weighted). */
		const modelMsOf = (pick: Pick) => {
			const ws = windows.filter((w) => pick(w) && w.modelMs !== null);
			const frames = ws.reduce((s, w) => s + w.frames, 0);
			return frames > 0 ? ws.reduce((s, w) => s + w.modelMs! * w.frames, 0) / frames : null;
		};
		const byInference: InferenceResult[] = o.inference.map((mode) => ({
			inference: mode,
			fps: fpsOf(isMode(mode)),
			mainThreadMs: cpuOf(isMode(mode)),
			modelMs: modelMsOf(isMode(mode))
		}));
		// Only the soaked page runs on: the others would share the cores with it.
		for (const a of apps.slice(1)) await a.page.close();

		o.log(`soak: ${o.soakMinutes} min`);
		const soakResult = await soak(app, o.soakMinutes, o.log);
		return {
			chromium: browser.version(),
			model,
			backend,
			coldStartMs,
			firstVisitMs,
			modelOnlyMs,
			frameProfile,
			windows,
			bareFps: fpsOf(isBare),
			appFps: fpsOf(isMode(modes[0]!)),
			bareMainThreadMs: cpuOf(isBare),
			appMainThreadMs: cpuOf(isMode(modes[0]!)),
			byInference,
			soak: soakResult,
			pageErrors: errors
		};
	} finally {
		await browser?.close();
	}
}
