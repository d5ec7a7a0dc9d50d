/**
 * The workout session: owns the loop source → pose estimator → pickPerson → Coach and exposes
 * what the page shows. Per-frame data (`state`) is `$state.raw` and replaced each frame.
 *
 * Counts survive interruptions: the Coach lives as long as the session, and the session clock
 * (the `t` the Coach sees) only runs while frames flow, so a camera unplugged for a minute
 * neither loses reps nor adds a minute to a hold.
 *
 * Every browser dependency (camera, estimator, speech, clock) comes in through `WorkoutDeps`,
 * so the class runs in Node tests with fakes.
 */
import type { CameraInfo } from '$lib/camera/camera-source';
import { CameraError } from '$lib/camera/camera-source';
import { cameraErrorFrom, cameraProblem, type CameraProblem } from '$lib/camera/errors';
import { FileSource } from '$lib/camera/file-source';
import { startFrameLoop } from '$lib/camera/frame-loop';
import type { FrameSource, SourceEndReason } from '$lib/camera/frame-source';
import { TraceSource } from '$lib/camera/trace-source';
import type { CoachEvent, CoachState, ExerciseDefinition } from '$lib/engine/types';
import type { Body, PoseFrame } from '$lib/pose/keypoints';
import type { Speaker } from '$lib/speech/speaker';
import { readTraceBlob, traceDownload, traceFileName } from '$lib/trace/browser-io';
import { TraceError } from '$lib/trace/pose-trace';
import { TraceRecorder, type RecorderSnapshot } from '$lib/trace/recorder';
import { RomTracker, type RomEntry } from '$lib/rom/tracker';
import { FrameStats, type FrameStatsSnapshot } from './stats';

export interface CoachLike {
	process(frame: PoseFrame): CoachState;
	reset(): void;
}

export interface EstimatorLike {
	estimate(input: HTMLVideoElement, timestampMs?: number): Promise<Body[]>;
	reset(): void;
	dispose(): void;
}

export interface ModelChoice {
	model: string;
	runtime: string;
	backend: string;
}

export interface LoadedEstimator {
	estimator: EstimatorLike;
	/** The backend actually in use (e.g. 'wasm' after an auto probe). */
	backend: string;
}

export interface WorkoutDeps {
	createCoach(def: ExerciseDefinition): CoachLike;
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
	speaker: Speaker;
	/** Monotonic milliseconds (performance.now). */
	now(): number;
	startLoop?: typeof startFrameLoop;
	/** Trace replay: runs `callback` at the next display refresh (requestAnimationFrame). */
	requestFrame?: (callback: () => void) => () => void;
	/**
	 * Saves the workout to the history as it happens: called when frames first flow after a
	 * start or a "Start over"; absent, nothing is saved.
	 */
	recordWorkout?(
		exerciseId: string,
		onSaveProblem?: (message: string | null) => void
	): WorkoutRecording;
	/**
	 * After the model failed mid-session: another choice to load instead (e.g. WebAssembly when
	 * the WebGL context was lost) and the words for the switch; null leaves the failure to the
	 * user ("Try again").
	 */
	fallback?(choice: ModelChoice, error: unknown): { choice: ModelChoice; message: string } | null;
	/** Subscribes to the page being hidden or shown again; returns an unsubscribe function. */
	onVisibilityChange?(listener: (hidden: boolean) => void): () => void;
}

/** One workout being saved: every frame's events go in; `end()` finishes it. */
export interface WorkoutRecording {
	/** `rangeOfMotion`: the entries this frame's reps and holds completed (rom/tracker.ts). */
	handle(events: readonly CoachEvent[], rangeOfMotion?: readonly RomEntry[]): void;
	end(): Promise<void>;
	/**
	 * After `end()`: the workout as the history stores it (its id and its span in seconds, the
	 * figure History adds up), or null when it was dropped as empty. Null before `end()`.
	 */
	result(): SavedWorkout | null;
}

/** A workout kept in the history: what a routine's summary adds up, so both say the same. */
export interface SavedWorkout {
	id: string;
	/** Seconds from its start to its end, as History counts them (storage/progress workoutSpan). */
	seconds: number;
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

export class WorkoutSession {
	readonly exercise: ExerciseDefinition;

	/** The latest coach state (replaced every frame), null before the first frame. */
	state: CoachState | null = $state.raw(null);
	phase: SessionPhase = $state('idle');
	modelStatus: 'idle' | 'loading' | 'ready' | 'error' = $state('idle');
	/** What the model load is doing now (e.g. timing the backends), or ''. */
	loadingDetail = $state('');
	problem: Problem | null = $state.raw(null);
	source: FrameSource | null = $state.raw(null);
	cameras: CameraInfo[] = $state.raw([]);
	/** The camera in use, by device id. */
	cameraId: string | undefined = $state(undefined);
	/** The last cue or event put into words: mirrored in an aria-live region. */
	announcement = $state('');
	stats: FrameStatsSnapshot = $state.raw(new FrameStats().snapshot());
	backend: string | null = $state(null);
	/**
	 * The trace recording (for "Save trace"): the raw tracked body of every camera or video frame
	 * since the page opened, across sets and "Start over" (a set plan starts each set over), in
	 * memory only until the user saves it. A trace replay neither adds to it nor clears it.
	 * Republished when a whole second is added.
	 */
	traceRecording: RecorderSnapshot = $state.raw(new TraceRecorder().snapshot());
	/** Why the history is not being saved right now (storage full…), or null. Counting goes on. */
	saveProblem: string | null = $state(null);
	/** A trace replay is skipping to its end. */
	replaySkipping = $state(false);
	/**
	 * The tracked body of the latest frame (replaced every frame), also while counting is paused
	 * between sets: the skeleton stays on the person while nothing is counted.
	 */
	body: Body | null = $state.raw(null);
	/** Whether frames go to the coach (and the history); a set plan pauses it during rests. */
	counting = $state(true);
	/** The range of motion of the last rep or hold, one entry per measure and side. */
	lastRangeOfMotion: readonly RomEntry[] = $state.raw([]);

	#deps: WorkoutDeps;
	#choice: ModelChoice;
	#coach: CoachLike;
	#rom: RomTracker;
	#video: HTMLVideoElement | null = null;
	#estimator: EstimatorLike | null = null;
	#loading: Promise<EstimatorLike | null> | null = null;
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
	 * Bumped on every pause, so a frame still in the model when counting pauses (the tab hidden,
	 * the camera lost) is dropped rather than counted while paused: the model's run awaits its
	 * results (and the frame loop asks for the next frame while one is in the model), so a pause
	 * can come in between.
	 */
	#runId = 0;
	#traceRecorder = new TraceRecorder();
	/** Session seconds before the last "Start over": the recording's clock runs on through it. */
	#traceOffset = 0;
	#recording: WorkoutRecording | null = null;
	/** Workouts this session saved and finished, oldest first (plain: read once, at the end). */
	#saved: SavedWorkout[] = [];

	constructor(exercise: ExerciseDefinition, choice: ModelChoice, deps: WorkoutDeps) {
		this.exercise = exercise;
		this.#choice = { ...choice };
		this.#deps = deps;
		this.#coach = deps.createCoach(exercise);
		this.#rom = new RomTracker(exercise);
		this.#unsubscribeDevices = deps.onDevicesChanged?.(() => void this.refreshCameras()) ?? null;
		this.#unsubscribeVisibility =
			deps.onVisibilityChange?.((hidden) => this.#onVisibility(hidden)) ?? null;
	}

	/** Whether frames are flowing. */
	get running(): boolean {
		return this.phase === 'running';
	}

	/** Whether cues can be spoken here (the browser has a speech voice). */
	get speechAvailable(): boolean {
		return this.#deps.speaker.available;
	}

	/** The trace being replayed, if that is the source. */
	get replay(): TraceSource | null {
		return this.source instanceof TraceSource ? this.source : null;
	}

	get mirrored(): boolean {
		return this.source?.mirrored ?? false;
	}

	/** The workouts this session has finished and kept in the history, oldest first. */
	get savedWorkouts(): readonly SavedWorkout[] {
		return this.#saved;
	}

	/**
	 * Counting on or off. Off (a rest between sets, the dose done), frames still run the model
	 * so the skeleton follows the person, but the coach and the history see none of them: a rep
	 * made while resting is not counted, in the panel or in History.
	 */
	setCounting(on: boolean): void {
		if (this.counting === on) return;
		this.counting = on;
	}

	/** Seconds of session time (frames flowing). */
	get sessionSeconds(): number {
		return this.#clock() / 1000;
	}

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
		const model = this.#ensureModel();
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
		const model = this.#ensureModel();
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
		this.#disposeEstimator();
		if (this.source && this.#video) {
			const generation = ++this.#generation;
			this.problem = null;
			this.phase = 'starting';
			const est = await this.#ensureModel();
			if (!est || generation !== this.#generation) return;
			this.#resume(this.source);
		} else {
			this.problem = null;
			this.phase = 'idle';
			void this.#ensureModel();
		}
	}

	/** Model / runtime / backend changed: reload now if running, else on next start. */
	async changeModel(choice: ModelChoice): Promise<void> {
		const same =
			choice.model === this.#choice.model &&
			choice.runtime === this.#choice.runtime &&
			choice.backend === this.#choice.backend;
		this.#choice = { ...choice };
		if (same && this.#estimator) return;
		const wasRunning = this.running;
		this.#disposeEstimator();
		if (wasRunning || this.problem?.source === 'model') await this.retryModel();
	}

	/**
	 * Replays a pose trace (`.json` / `.json.gz`) through a fresh coach at its original times, so
	 * the counts equal the command-line analyser's on the same file. A trace that does not read
	 * shows the reader's message (field and frame) and leaves the counts as they were.
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

	/** Trace replay: hand the remaining frames to the coach now instead of in real time. */
	skipReplay(): void {
		if (!this.running || !this.replay) return;
		this.replay.skipToEnd();
		this.replaySkipping = true;
	}

	/** The trace recording as a file to download (`.json.gz`, else `.json`); null if empty. */
	async exportTrace(savedAt = Date.now()): Promise<{ blob: Blob; filename: string } | null> {
		const parts = this.#traceRecorder.jsonParts();
		if (!parts) return null;
		const { blob, extension } = await traceDownload(parts);
		return { blob, filename: traceFileName(this.exercise.id, savedAt, extension) };
	}

	/** Loads the model ahead of the first start (while the user reads the instructions). */
	preload(): void {
		void this.#ensureModel();
	}

	setMuted(muted: boolean): void {
		this.#deps.speaker.muted = muted;
	}

	/** Plain, not reactive: listeners are plumbing, never shown. */
	#stateListeners: ReadonlyArray<(state: CoachState) => void> = [];

	/**
	 * Calls `listener` with every new coach state, in order (a set plan follows the counts this
	 * way); returns the unsubscribe function.
	 */
	onState(listener: (state: CoachState) => void): () => void {
		this.#stateListeners = [...this.#stateListeners, listener];
		return () => {
			this.#stateListeners = this.#stateListeners.filter((l) => l !== listener);
		};
	}

	/**
	 * A new set of the same workout: the coach's counts start again, while the saved workout, the
	 * trace recording and the session clock go on (one workout in the history, not one per set).
	 */
	resetCoach(): void {
		this.#coach.reset();
		this.state = null;
	}

	/** Says a line from outside the coach (set and routine prompts), mirrored for screen readers. */
	say(text: string): void {
		this.announcement = text;
		this.#deps.speaker.say(text);
	}

	/** Stops the source; counts stay. */
	stop(): void {
		this.#endRecording();
		this.#generation++;
		this.#pause();
		this.#releaseSource();
		this.phase = 'stopped';
	}

	#resetListeners: ReadonlyArray<() => void> = [];

	/**
	 * Calls `listener` whenever the counts start over ("Start over", a trace replayed from its
	 * start), so a set plan starts over with them; returns the unsubscribe function.
	 */
	onCountsReset(listener: () => void): () => void {
		this.#resetListeners = [...this.#resetListeners, listener];
		return () => {
			this.#resetListeners = this.#resetListeners.filter((l) => l !== listener);
		};
	}

	/** Clears reps, holds and cues (a fresh set). */
	resetCounts(): void {
		this.#endRecording();
		this.#coach.reset();
		this.#rom = new RomTracker(this.exercise);
		this.lastRangeOfMotion = [];
		this.#previous = null;
		this.#traceOffset += this.#clock() / 1000;
		this.#activeMs = 0;
		if (this.#runningSince !== null) this.#runningSince = this.#deps.now();
		this.state = null;
		this.announcement = '';
		for (const listener of this.#resetListeners) listener();
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
		this.#disposeEstimator();
		this.#unsubscribeDevices?.();
		this.#unsubscribeDevices = null;
		this.#unsubscribeVisibility?.();
		this.#unsubscribeVisibility = null;
		this.#deps.speaker.cancel();
		this.#traceRecorder.clear();
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
		if (!est) return; // #ensureModel reported the problem
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
		if (!video || !this.#estimator || this.source !== source) return;
		this.#pause();
		const generation = this.#generation;
		const run = this.#runId;
		this.#runningSince = this.#deps.now();
		this.phase = 'running';
		this.problem = null;
		const loop = this.#deps.startLoop ?? startFrameLoop;
		this.#stopLoop = loop(video, () => this.#frame(generation, run), {
			onError: (e) => {
				if (generation !== this.#generation) return false;
				this.#modelFailed(e);
				return false;
			}
		});
	}

	async #frame(generation: number, run: number): Promise<void> {
		const video = this.#video;
		const est = this.#estimator;
		if (!video || !est || generation !== this.#generation) return;
		if (video.readyState < 2 || video.videoWidth === 0) return;
		const now = this.#deps.now;
		const t0 = now();
		const tMs = this.#clock(t0);
		const bodies = await est.estimate(video, tMs);
		const t1 = now();
		if (generation !== this.#generation || run !== this.#runId) return;
		const body = this.#deps.pickPerson(bodies, this.#previous);
		this.#previous = body;
		this.#traceRecorder.add(this.#traceOffset + tMs / 1000, body, size(video), this.#choice.model);
		this.#publishRecording();
		this.body = body;
		if (this.counting) {
			const state = this.#coach.process({ t: tMs / 1000, body });
			this.state = state;
			const rom = this.#rom.add(state);
			if (rom.length > 0) this.lastRangeOfMotion = rom;
			// Saved before the listeners run: a set plan may end the workout on this very frame
			// (its last rep), and that rep must be in the record it finishes.
			if (this.#deps.recordWorkout) {
				this.#recording ??= this.#deps.recordWorkout(this.exercise.id, (message) => {
					if (message && message !== this.saveProblem) this.say(message);
					this.saveProblem = message;
				});
				this.#recording.handle(state.events, rom);
			}
			// The count is said before a listener's "Set 1 done": the order a person expects.
			if (state.events.length > 0) this.#announce(state.events);
			for (const listener of this.#stateListeners) listener(state);
		}
		const t2 = now();
		this.#frameStats.add(t1 - t0, t2 - t0, t2);
		if (t2 - this.#lastStatsPublish >= STATS_REFRESH_MS) {
			this.#lastStatsPublish = t2;
			this.stats = this.#frameStats.snapshot();
		}
	}

	#announce(events: readonly CoachEvent[]): void {
		// One utterance per frame at most: the most useful event wins.
		let text: string | null = null;
		for (const e of events) {
			if (e.type === 'cue') text = e.cue.text;
			else if (e.type === 'hold-complete' && text === null)
				text = e.side ? `${capitalise(e.side)} side done.` : 'Hold complete.';
			else if (e.type === 'rep' && text === null) text = String(e.count);
			else if (e.type === 'setup' && e.issue && text === null) text = e.issue.message;
		}
		if (text === null) return;
		this.announcement = text;
		this.#deps.speaker.say(text);
	}

	#ensureModel(): Promise<EstimatorLike | null> {
		if (this.#estimator) return Promise.resolve(this.#estimator);
		if (this.#loading) return this.#loading;
		const choice = { ...this.#choice };
		const started = this.#deps.now();
		this.modelStatus = 'loading';
		this.loadingDetail = '';
		const loading = this.#deps
			.loadEstimator(choice, (detail) => {
				if (this.#loading === loading) this.loadingDetail = detail;
			})
			.then(
				({ estimator, backend }) => {
					if (this.#loading !== loading) {
						estimator.dispose();
						return this.#estimator;
					}
					this.#loading = null;
					this.#estimator = estimator;
					this.#previous = null;
					this.backend = backend;
					this.modelStatus = 'ready';
					this.#frameStats.reset();
					this.#frameStats.loadMs = this.#deps.now() - started;
					this.#frameStats.model = choice.model;
					this.#frameStats.backend = backend;
					this.stats = this.#frameStats.snapshot();
					return estimator;
				},
				(e: unknown) => {
					if (this.#loading !== loading) return null;
					this.#loading = null;
					this.modelStatus = 'error';
					const { title, message } = this.#deps.describeModelError(e);
					this.#fail({ source: 'model', title, message, actions: ['retry-model'] }, false);
					return null;
				}
			);
		this.#loading = loading;
		return loading;
	}

	#modelFailed(e: unknown): void {
		this.#pause();
		const fallback = this.source && this.#video ? this.#deps.fallback?.(this.#choice, e) : null;
		if (fallback) {
			// E.g. the WebGL context was lost: reload on the fallback and go on counting.
			this.#choice = { ...fallback.choice };
			this.say(fallback.message);
			void this.retryModel();
			this.loadingDetail = fallback.message;
			return;
		}
		this.modelStatus = 'error';
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
	 * A hidden tab gets no frames (browsers stop video frame callbacks), so counting pauses with
	 * a message instead of stalling silently, and goes on when the tab shows again. Camera and
	 * video sessions only: a trace replay keeps its own clock.
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

	/** Finishes the saved workout (the next frame starts a new one). Never throws. */
	#endRecording(): void {
		const recording = this.#recording;
		this.#recording = null;
		if (!recording) return;
		recording.end().catch(() => undefined);
		const saved = recording.result();
		if (saved) this.#saved = [...this.#saved, saved];
	}

	/** Fresh counts and a fresh coach, then the trace from its first frame. */
	async #replayFromStart(source: TraceSource): Promise<void> {
		this.resetCounts();
		// A new coach, not a reset one: exactly what the analyser starts each file with.
		this.#coach = this.#deps.createCoach(this.exercise);
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
			let state: CoachState | null = null;
			const events: CoachEvent[] = [];
			for (const frame of frames) {
				// A set plan may pause counting (or stop the replay) in the middle of a batch.
				if (generation !== this.#generation) break;
				this.body = frame.body;
				if (!this.counting) continue;
				state = this.#coach.process(frame);
				events.push(...state.events);
				const rom = this.#rom.add(state);
				if (rom.length > 0) this.lastRangeOfMotion = rom;
				for (const listener of this.#stateListeners) listener(state);
			}
			if (!state) return;
			this.state = state;
			// Skipping gives hundreds of events a tick: speaking them would be noise.
			if (!source.skipping && events.length > 0) this.#announce(events);
		});
	}

	/** Republishes the recording's snapshot when the UI would show a change. */
	#publishRecording(): void {
		const next = this.#traceRecorder.snapshot();
		const shown = this.traceRecording;
		const same =
			next.full === shown.full &&
			(next.frames === 0) === (shown.frames === 0) &&
			Math.floor(next.seconds) === Math.floor(shown.seconds);
		if (!same) this.traceRecording = next;
	}

	#disposeEstimator(): void {
		this.#loading = null;
		this.#estimator?.dispose();
		this.#estimator = null;
		if (this.modelStatus !== 'error') this.modelStatus = 'idle';
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

function size(video: HTMLVideoElement): { width: number; height: number } {
	return { width: video.videoWidth, height: video.videoHeight };
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
