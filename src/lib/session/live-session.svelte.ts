/**
 * A live session: a frame source (camera, video file or pose trace) → the pose model → the
 * tracked person, handed frame by frame to a consumer. It owns everything between the page and
 * the consumer's logic: the source's lifecycle with generation guards (a frame finishing after a
 * stop is dropped), the estimator slot (one load, retry, the lost-GPU fallback), pausing while
 * the tab is hidden, the session clock and the frame timings.
 *
 * The session clock (the `t` a consumer sees) only runs while frames flow, so a camera unplugged
 * for a minute neither loses reps nor adds a minute to a hold.
 *
 * Consumers subclass it and implement `consumeFrame` (and `consumeTrace` for replays): the
 * workout (session/workout.svelte.ts) hands frames to the Coach; work mode
 * (posture/browser/monitor.svelte.ts) paces its own frames (`startLoop`) and hands them to the
 * posture engine. Every browser dependency comes in through `LiveDeps`, so it runs in Node
 * tests with fakes.
 */
import type { CameraInfo } from '$lib/camera/camera-source';
import { CameraError } from '$lib/camera/camera-source';
import { cameraErrorFrom, cameraProblem, type CameraProblem } from '$lib/camera/errors';
import { FileSource } from '$lib/camera/file-source';
import { startFrameLoop } from '$lib/camera/frame-loop';
import type { FrameSource, SourceEndReason } from '$lib/camera/frame-source';
import { TraceSource } from '$lib/camera/trace-source';
import type { Body, PoseFrame } from '$lib/pose/keypoints';
import { readTraceBlob } from '$lib/trace/browser-io';
import { TraceError } from '$lib/trace/pose-trace';
import { EstimatorSlot, type ModelStatus } from './estimator-slot.svelte';
import { FrameStats, type FrameStatsSnapshot } from './stats';
import type { EstimatorLike, LoadedEstimator, ModelChoice } from './types';

export interface LiveDeps {
	/** Loads the model; `onProgress` says what takes the time (shown under the loading text). */
	loadEstimator(
		choice: ModelChoice,
		onProgress: (detail: string) => void
	): Promise<LoadedEstimator>;
	pickPerson(bodies: readonly Body[], previous: Body | null): Body | null;
	/** Title and message for a model failure (ModelLoadError or anything else). */
	describeModelError(error: unknown): { title: string; message: string };
	openCamera(deviceId: string | undefined): Promise<FrameSource & { deviceId?: string }>;
	listCameras(): Promise<CameraInfo[]>;
	/** Subscribes to camera plug/unplug; returns an unsubscribe function. */
	onDevicesChanged?(listener: () => void): () => void;
	/** Monotonic milliseconds (performance.now). */
	now(): number;
	/**
	 * How camera and video frames are paced (default: `startFrameLoop`, every new video frame).
	 * Work mode takes a frame or two a second from a worker timer instead (posture/browser/
	 * monitor.svelte.ts), and tests drive frames by hand.
	 */
	startLoop?: FramePacer;
	/** Trace replay: runs `callback` at the next display refresh (requestAnimationFrame). */
	requestFrame?: (callback: () => void) => () => void;
	/**
	 * After the model failed mid-session: another choice to load instead (e.g. WebAssembly when
	 * the WebGL context was lost) and the words for the switch; null leaves the failure to the
	 * user ("Try again").
	 */
	fallback?(choice: ModelChoice, error: unknown): { choice: ModelChoice; message: string } | null;
	/** Subscribes to the page being hidden or shown again; returns an unsubscribe function. */
	onVisibilityChange?(listener: (hidden: boolean) => void): () => void;
}

/**
 * Paces a session's frames: calls `frame` for each frame to take (it reads the video, runs the
 * model and hands the result to the consumer), at most `maxInFlight` at once (default 1; the
 * worker's pipelined model reads the next frame while it runs the last), until the returned
 * function is called. `frame`'s argument is the pacer's time for it (the callback's, ms), which
 * the session ignores: it reads its own clock. `onError` gets what `frame` threw (the model
 * failed); returning false stops the pacing. A pacer may take one frame at a time whatever
 * `maxInFlight` says (work mode's timed sampling does). A pacer that took the frame itself
 * (work mode grabs one from the camera's track, camera/frame-grabber.ts) hands it to `frame` as
 * `picture`, which is read instead of the video; the pacer keeps it and closes it.
 */
export type FramePacer = (
	video: HTMLVideoElement,
	frame: (nowMs: number, picture?: ImageBitmap) => Promise<void>,
	options: { onError: (error: unknown) => boolean | void; maxInFlight?: number }
) => () => void;

/** One camera or video frame as a consumer gets it. */
export interface LiveFrame extends PoseFrame {
	/** Session time in ms (the clock that runs only while frames flow). */
	tMs: number;
	/** How many people the model saw (the tracked one is `body`). */
	people: number;
	/** The video's size in pixels. */
	size: { width: number; height: number };
}

export type SessionPhase = 'idle' | 'starting' | 'running' | 'stopped' | 'error';

export type ProblemAction =
	'retry-camera' | 'reconnect' | 'open-file' | 'retry-model' | 'replay' | 'open-trace';

export interface Problem {
	source: 'camera' | 'model' | 'file';
	title: string;
	message: string;
	actions: readonly ProblemAction[];
	/** The camera problem kind, when from the camera (tests and styling use it). */
	kind?: CameraProblem['kind'] | 'finished' | 'bad-trace' | 'hidden';
}

/** How often the reactive stats snapshot refreshes; timings change slowly and read calmly. */
const STATS_REFRESH_MS = 500;

export abstract class LiveSession {
	phase: SessionPhase = $state('idle');
	problem: Problem | null = $state.raw(null);
	source: FrameSource | null = $state.raw(null);
	cameras: CameraInfo[] = $state.raw([]);
	/** The camera in use, by device id. */
	cameraId: string | undefined = $state(undefined);
	stats: FrameStatsSnapshot = $state.raw(new FrameStats().snapshot());
	/** A trace replay is skipping to its end. */
	replaySkipping = $state(false);
	/**
	 * The tracked body of the latest frame (replaced every frame), also while a consumer ignores
	 * frames (counting paused between sets): the skeleton stays on the person.
	 */
	body: Body | null = $state.raw(null);

	readonly #deps: LiveDeps;
	#choice: ModelChoice;
	#video: HTMLVideoElement | null = null;
	readonly #model: EstimatorSlot;
	#stopLoop: (() => void) | null = null;
	#unsubscribeEnded: (() => void) | null = null;
	#unsubscribeDevices: (() => void) | null = null;
	#unsubscribeVisibility: (() => void) | null = null;
	/** Frames were paused because the page was hidden: resume when it shows again. */
	#pausedHidden = false;
	#previous: Body | null = null;
	#frameStats = new FrameStats();
	#lastStatsPublish = -Infinity;
	/** Session clock: ms accumulated while running, plus the start of the current run. */
	#activeMs = 0;
	#runningSince: number | null = null;
	/** Bumped on every start/stop so a frame finishing after a stop is dropped. */
	#generation = 0;
	/**
	 * Bumped on every pause, so a frame still in the model when frames pause (the tab hidden,
	 * the camera lost) is dropped rather than handed on while paused: the model's run awaits its
	 * results (and the frame loop asks for the next frame while one is in the model), so a pause
	 * can come in between.
	 */
	#runId = 0;

	constructor(choice: ModelChoice, deps: LiveDeps) {
		this.#choice = { ...choice };
		this.#deps = deps;
		this.#model = new EstimatorSlot(
			(onProgress) => deps.loadEstimator({ ...this.#choice }, onProgress),
			{
				loaded: ({ backend }, loadMs) => {
					this.#previous = null;
					this.#frameStats.reset();
					this.#frameStats.loadMs = loadMs;
					this.#frameStats.model = this.#choice.model;
					this.#frameStats.backend = backend;
					this.stats = this.#frameStats.snapshot();
				},
				failed: (e) => {
					const { title, message } = this.#deps.describeModelError(e);
					this.#fail({ source: 'model', title, message, actions: ['retry-model'] }, false);
				}
			},
			deps.now
		);
		this.#unsubscribeDevices = deps.onDevicesChanged?.(() => void this.refreshCameras()) ?? null;
		this.#unsubscribeVisibility =
			deps.onVisibilityChange?.((hidden) => this.#onVisibility(hidden)) ?? null;
	}

	// ---- what a consumer implements ----

	/** One camera or video frame, in order, while the session runs. */
	protected abstract consumeFrame(frame: LiveFrame): void;

	/**
	 * A batch of trace frames due at this display refresh. `stale()` turns true when the replay
	 * was stopped or restarted in the middle of the batch (the rest must be dropped); `skipping`:
	 * the replay is running to its end, so nothing should be said.
	 */
	protected abstract consumeTrace(
		frames: readonly PoseFrame[],
		options: { skipping: boolean; stale: () => boolean }
	): void;

	/** A trace is about to be replayed from its first frame. */
	protected abstract traceWillStart(): void;

	/** The source is being stopped (by the user or the page). */
	protected sourceWillStop(): void {}

	/** A line to tell the person about the session itself (e.g. a switch to the processor). */
	protected abstract notify(text: string): void;

	// ---- what the page reads ----

	get modelStatus(): ModelStatus {
		return this.#model.status;
	}

	/** What the model load is doing now (e.g. timing the backends), or ''. */
	get loadingDetail(): string {
		return this.#model.detail;
	}

	/** The backend in use (e.g. 'wasm' after an auto probe). */
	get backend(): string | null {
		return this.#model.backend;
	}

	/** The model choice now in force (a GPU fallback changes it). */
	get choice(): ModelChoice {
		return this.#choice;
	}

	/** Whether frames are flowing. */
	get running(): boolean {
		return this.phase === 'running';
	}

	/** The trace being replayed, if that is the source. */
	get replay(): TraceSource | null {
		return this.source instanceof TraceSource ? this.source : null;
	}

	get mirrored(): boolean {
		return this.source?.mirrored ?? false;
	}

	/** Seconds of session time (frames flowing). */
	get sessionSeconds(): number {
		return this.#clock() / 1000;
	}

	// ---- what the page does ----

	/** `{@attach session.attachVideo}`: the element frames are read from. */
	attachVideo = (video: HTMLVideoElement) => {
		this.#video = video;
		return () => {
			if (this.#video === video) {
				this.#pause();
				this.source?.detach(video);
				this.#video = null;
			}
		};
	};

	async refreshCameras(): Promise<void> {
		this.cameras = await this.#deps.listCameras();
	}

	/** Starts (or switches to) a camera. Keeps counts. */
	async startCamera(deviceId: string | undefined = this.cameraId): Promise<void> {
		const generation = this.#beginStart();
		const model = this.#model.ensure();
		let source: FrameSource & { deviceId?: string };
		try {
			source = await this.#deps.openCamera(deviceId);
		} catch (e) {
			if (generation !== this.#generation) return;
			this.#fail(cameraProblemOf(e));
			void this.refreshCameras();
			return;
		}
		if (generation !== this.#generation) {
			source.stop();
			return;
		}
		this.cameraId = source.deviceId ?? deviceId;
		void this.refreshCameras();
		await this.#run(source, model, generation);
	}

	/** Plays a local video file through the same pipeline. */
	async openFile(file: File, options: { loop?: boolean } = {}): Promise<void> {
		const generation = this.#beginStart();
		const model = this.#model.ensure();
		let source: FileSource;
		try {
			source = new FileSource(file, { loop: options.loop });
		} catch (e) {
			this.#fail({
				source: 'file',
				title: 'The video could not be opened',
				message: e instanceof Error ? e.message : String(e),
				actions: ['open-file']
			});
			return;
		}
		await this.#run(source, model, generation);
	}

	/** After a disconnect or error: start the same kind of source again. */
	async reconnect(): Promise<void> {
		if (this.source instanceof TraceSource) return this.#replayFromStart(this.source);
		if (this.source instanceof FileSource && this.#video) {
			const source = this.source;
			this.problem = null;
			await source.restart();
			this.#unsubscribeEnded?.();
			this.#unsubscribeEnded = source.onEnded((reason) => this.#onSourceEnded(source, reason));
			this.#resume(source);
			return;
		}
		await this.startCamera(this.cameraId);
	}

	/** Retry after a model failure: reload the estimator, then resume the current source. */
	async retryModel(): Promise<void> {
		this.#model.dispose();
		if (this.source && this.#video) {
			const generation = ++this.#generation;
			this.problem = null;
			this.phase = 'starting';
			const est = await this.#model.ensure();
			if (!est || generation !== this.#generation) return;
			this.#resume(this.source);
		} else {
			this.problem = null;
			this.phase = 'idle';
			void this.#model.ensure();
		}
	}

	/** Model / runtime / backend changed: reload now if running, else on next start. */
	async changeModel(choice: ModelChoice): Promise<void> {
		const same =
			choice.model === this.#choice.model &&
			choice.runtime === this.#choice.runtime &&
			choice.backend === this.#choice.backend;
		this.#choice = { ...choice };
		if (same && this.#model.current) return;
		const wasRunning = this.running;
		this.#model.dispose();
		if (wasRunning || this.problem?.source === 'model') await this.retryModel();
	}

	/**
	 * Replays a pose trace (`.json` / `.json.gz`) at its original times. A trace that does not
	 * read shows the reader's message (field and frame) and leaves everything as it was.
	 */
	async openTrace(file: Blob & { name?: string }): Promise<void> {
		const generation = this.#beginStart();
		let source: TraceSource;
		try {
			const trace = await readTraceBlob(file);
			if (trace.frames.length === 0) throw new TraceError('field "frames": the trace is empty');
			source = new TraceSource(trace, {
				label: file.name,
				now: this.#deps.now,
				requestFrame: this.#deps.requestFrame
			});
		} catch (e) {
			if (generation !== this.#generation) return;
			this.#fail({
				source: 'file',
				kind: 'bad-trace',
				title: 'Not a valid pose trace',
				message: `${file.name || 'The file'}: ${e instanceof Error ? e.message : String(e)}`,
				actions: ['open-trace']
			});
			return;
		}
		if (generation !== this.#generation) return;
		this.source = source;
		await this.#replayFromStart(source);
	}

	/** Trace replay: hand the remaining frames on now instead of in real time. */
	skipReplay(): void {
		if (!this.running || !this.replay) return;
		this.replay.skipToEnd();
		this.replaySkipping = true;
	}

	/** Loads the model ahead of the first start (while the user reads the instructions). */
	preload(): void {
		void this.#model.ensure();
	}

	/** Stops the source; what the consumer holds stays. */
	stop(): void {
		this.sourceWillStop();
		this.#generation++;
		this.#pause();
		this.#releaseSource();
		this.phase = 'stopped';
	}

	statsSnapshot(): FrameStatsSnapshot {
		return this.#frameStats.snapshot();
	}

	/** Starts a fresh timing window (keeps load time, model and backend). */
	resetStats(): void {
		this.#frameStats.reset();
		this.stats = this.#frameStats.snapshot();
	}

	dispose(): void {
		this.stop();
		this.#model.dispose();
		this.#unsubscribeDevices?.();
		this.#unsubscribeDevices = null;
		this.#unsubscribeVisibility?.();
		this.#unsubscribeVisibility = null;
	}

	/**
	 * Restarts the session clock at 0 and forgets the tracked person (a fresh start of the
	 * consumer's counts); returns the seconds the clock had run.
	 */
	protected restartClock(): number {
		const seconds = this.#clock() / 1000;
		this.#previous = null;
		this.#activeMs = 0;
		if (this.#runningSince !== null) this.#runningSince = this.#deps.now();
		return seconds;
	}

	/**
	 * Forgets the tracked person and the model's smoothing between frames (a fresh start of
	 * tracking); the session clock runs on, so the model's timestamps never go back.
	 */
	protected forgetPerson(): void {
		this.#previous = null;
		this.#model.current?.reset();
	}

	// ---- internals ----

	#beginStart(): number {
		const generation = ++this.#generation;
		this.#pause();
		this.#releaseSource();
		this.problem = null;
		this.phase = 'starting';
		return generation;
	}

	async #run(
		source: FrameSource,
		model: Promise<EstimatorLike | null>,
		generation: number
	): Promise<void> {
		this.source = source;
		this.#unsubscribeEnded = source.onEnded((reason) => this.#onSourceEnded(source, reason));
		const video = this.#video;
		if (!video) {
			this.#fail({
				source: source.kind,
				title: 'The video area is not ready',
				message: 'Reload the page and try again.',
				actions: ['retry-camera']
			});
			return;
		}
		try {
			await source.attach(video);
		} catch (e) {
			if (generation !== this.#generation) return;
			this.#fail(
				source.kind === 'camera'
					? cameraProblemOf(e)
					: {
							source: 'file',
							title: 'The video could not be played',
							message: e instanceof Error ? e.message : String(e),
							actions: ['open-file']
						}
			);
			return;
		}
		const est = await model;
		if (generation !== this.#generation) return;
		if (!est) return; // the estimator slot reported the problem
		try {
			await source.play(video);
		} catch (e) {
			if (generation !== this.#generation) return;
			this.#fail({
				source: source.kind,
				title: 'The video could not be played',
				message: e instanceof Error ? e.message : String(e),
				actions: source.kind === 'camera' ? ['retry-camera', 'open-file'] : ['open-file']
			});
			return;
		}
		if (generation !== this.#generation) return;
		this.#resume(source);
	}

	#resume(source: FrameSource): void {
		if (source instanceof TraceSource) return this.#resumeTrace(source);
		const video = this.#video;
		if (!video || !this.#model.current || this.source !== source) return;
		this.#pause();
		const generation = this.#generation;
		const run = this.#runId;
		this.#runningSince = this.#deps.now();
		this.phase = 'running';
		this.problem = null;
		const pace: FramePacer = this.#deps.startLoop ?? startFrameLoop;
		this.#stopLoop = pace(video, (_now, picture) => this.#frame(generation, run, picture), {
			maxInFlight: this.#model.current.framesInFlight,
			onError: (e) => {
				if (generation !== this.#generation) return false;
				this.#modelFailed(e);
				return false;
			}
		});
	}

	async #frame(generation: number, run: number, picture?: ImageBitmap): Promise<void> {
		const video = this.#video;
		const est = this.#model.current;
		if (!video || !est || generation !== this.#generation) return;
		if (!picture && (video.readyState < 2 || video.videoWidth === 0)) return;
		const size = picture
			? { width: picture.width, height: picture.height }
			: { width: video.videoWidth, height: video.videoHeight };
		const now = this.#deps.now;
		const t0 = now();
		const tMs = this.#clock(t0);
		const bodies = await est.estimate(picture ?? video, tMs);
		const t1 = now();
		if (generation !== this.#generation || run !== this.#runId) return;
		const body = this.#deps.pickPerson(bodies, this.#previous);
		this.#previous = body;
		this.body = body;
		this.consumeFrame({
			t: tMs / 1000,
			body,
			tMs,
			people: bodies.length,
			size
		});
		const t2 = now();
		this.#frameStats.add(t1 - t0, t2 - t0, t2);
		if (t2 - this.#lastStatsPublish >= STATS_REFRESH_MS) {
			this.#lastStatsPublish = t2;
			this.stats = this.#frameStats.snapshot();
		}
	}

	#modelFailed(e: unknown): void {
		this.#pause();
		const fallback = this.source && this.#video ? this.#deps.fallback?.(this.#choice, e) : null;
		if (fallback) {
			// E.g. the WebGL context was lost: reload on the fallback and go on.
			this.#choice = { ...fallback.choice };
			this.notify(fallback.message);
			void this.retryModel();
			this.#model.detail = fallback.message;
			return;
		}
		this.#model.status = 'error';
		const { title, message } = this.#deps.describeModelError(e);
		this.#fail({ source: 'model', title, message, actions: ['retry-model'] }, false);
	}

	#onSourceEnded(source: FrameSource, reason: SourceEndReason): void {
		if (this.source !== source) return;
		this.#pause();
		this.phase = 'stopped';
		if (reason === 'finished' && source instanceof TraceSource) {
			this.replaySkipping = false;
			this.problem = {
				source: 'file',
				kind: 'finished',
				title: 'The replay ended',
				message: 'These are the counts from the trace. Replay it, or start the camera.',
				actions: ['replay', 'retry-camera']
			};
		} else if (reason === 'finished') {
			this.problem = {
				source: 'file',
				kind: 'finished',
				title: 'The video ended',
				message: 'Your reps and holds are kept. Play it again or start the camera.',
				actions: ['replay', 'retry-camera']
			};
		} else {
			this.#releaseSource();
			this.problem = problemFromCamera(cameraProblem('disconnected'));
			void this.refreshCameras();
		}
	}

	/**
	 * A hidden tab gets no frames (browsers stop video frame callbacks), so the session pauses
	 * with a message instead of stalling silently, and goes on when the tab shows again. Camera
	 * and video sessions only: a trace replay keeps its own clock.
	 */
	#onVisibility(hidden: boolean): void {
		const source = this.source;
		if (hidden) {
			if (!this.running || !source || this.replay) return;
			this.#pausedHidden = true;
			this.#pause();
			if (source.kind === 'file') this.#video?.pause();
			this.phase = 'stopped';
			this.problem = {
				source: source.kind,
				kind: 'hidden',
				title: 'Paused while this tab is hidden',
				message: 'Your reps and holds are kept. Counting goes on when you come back to this tab.',
				actions: []
			};
			return;
		}
		if (!this.#pausedHidden) return;
		this.#pausedHidden = false;
		if (this.problem?.kind !== 'hidden' || !source || !this.#video) return;
		const video = this.#video;
		void source.play(video).then(
			() => {
				if (this.source === source && this.problem?.kind === 'hidden') this.#resume(source);
			},
			() => undefined
		);
	}

	/** Reports a problem; by default also releases the source (camera light off). */
	#fail(problem: Problem, release = true): void {
		this.#pause();
		if (release) this.#releaseSource();
		this.problem = problem;
		this.phase = 'error';
	}

	#pause(): void {
		this.#stopLoop?.();
		this.#stopLoop = null;
		this.#runId++;
		if (this.#runningSince !== null) {
			this.#activeMs += this.#deps.now() - this.#runningSince;
			this.#runningSince = null;
		}
	}

	#releaseSource(): void {
		this.#unsubscribeEnded?.();
		this.#unsubscribeEnded = null;
		const source = this.source;
		if (!source) return;
		if (this.#video) source.detach(this.#video);
		source.stop();
		this.source = null;
	}

	/** The consumer starts afresh, then the trace from its first frame. */
	async #replayFromStart(source: TraceSource): Promise<void> {
		this.traceWillStart();
		source.restart();
		this.#unsubscribeEnded?.();
		this.#unsubscribeEnded = source.onEnded((reason) => this.#onSourceEnded(source, reason));
		this.#resumeTrace(source);
	}

	#resumeTrace(source: TraceSource): void {
		if (this.source !== source) return;
		this.#pause();
		const generation = this.#generation;
		this.#runningSince = this.#deps.now();
		this.phase = 'running';
		this.problem = null;
		this.replaySkipping = source.skipping;
		this.#stopLoop = source.run((frames) => {
			if (generation !== this.#generation || this.source !== source) return;
			this.consumeTrace(frames, {
				skipping: source.skipping,
				stale: () => generation !== this.#generation
			});
		});
	}

	#clock(nowMs = this.#deps.now()): number {
		return this.#activeMs + (this.#runningSince === null ? 0 : nowMs - this.#runningSince);
	}
}

function cameraProblemOf(e: unknown): Problem {
	return problemFromCamera(e instanceof CameraError ? e.problem : cameraErrorFrom(e));
}

function problemFromCamera(problem: CameraProblem): Problem {
	const actions: ProblemAction[] =
		problem.kind === 'disconnected'
			? ['reconnect', 'open-file']
			: problem.canRetry
				? ['retry-camera', 'open-file']
				: ['open-file'];
	return {
		source: 'camera',
		kind: problem.kind,
		title: problem.title,
		message: problem.message,
		actions
	};
}
