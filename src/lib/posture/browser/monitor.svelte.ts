/**
 * The live posture monitor: a live session (session/live-session.svelte.ts: the camera, the pose
 * model, the tracked person, the camera and model problems) whose frames go to the posture
 * engine (src/lib/posture) → nudges, breaks and the day's timeline. It paces the session itself
 * (one frame at a time, 0.5–2 a second, timed by a Web Worker so it keeps going in a background
 * tab) and exposes what the page shows. Every browser dependency comes in through `MonitorDeps`,
 * so it runs in Node tests with fakes and a fake clock.
 *
 * Privacy: frames go from the camera to the model and nowhere else; nothing but seconds per
 * status, nudge counts and the calibration's numbers is stored. Pausing stops the camera's
 * tracks (the browser's camera light goes off), it does not just stop looking.
 */
import type { FrameGrabber } from '$lib/camera/frame-grabber';
import type { FrameSource } from '$lib/camera/frame-source';
import type { Body, PoseFrame } from '$lib/pose/keypoints';
import { Announcer } from '$lib/session/announcer.svelte';
import {
	LiveSession,
	type LiveDeps,
	type LiveFrame,
	type Problem
} from '$lib/session/live-session.svelte';
import type { ModelChoice } from '$lib/session/types';
import { readJson, writeJson, type StorageLike } from '$lib/storage/local';
import { localDate } from '$lib/storage/dates';
import { CorruptRecordError } from '$lib/storage/errors';
import {
	breakTaken,
	CalibrationError,
	Calibrator,
	DayLog,
	DEFAULT_NUDGE_CONFIG,
	INITIAL_NUDGE_STATE,
	metricDef,
	nextSampleDelay,
	nudgeStep,
	dayTotals,
	emptySeconds,
	parseCalibration,
	pauseNudges,
	postureGuides,
	PostureEngine,
	snooze,
	unsnooze,
	type Calibration,
	type DayTimeline,
	type GuideLine,
	type NudgeConfig,
	type NudgeState,
	type PendingTotals,
	type PostureReading,
	type PostureStatus,
	type Sensitivity,
	type StatusSeconds
} from '$lib/posture';
import { CALIBRATION_HELP, nudgeMessage } from '$lib/posture/text';
import type { MonitorPhase } from '$lib/posture/types';
import {
	defaultSetupName,
	readShelf,
	removeSetup,
	saveSetup,
	useSetup,
	type SavedSetup,
	type SetupShelf
} from '$lib/posture/setups';
import type { Chime } from './chime';
import type { Notifier } from './notifier';
import { TimedPacer, type TimerLike } from './sampler';

export interface MonitorSettings {
	sensitivity: Sensitivity;
	graceSeconds: number;
	/** 0: no break reminders. */
	breakMinutes: number;
	quiet: (at: Date) => boolean;
	/** Play the soft chime with nudges. */
	sound: boolean;
}

/** What the live session needs (see LiveDeps), plus what the monitor adds. */
export interface MonitorDeps extends Pick<
	LiveDeps,
	'loadEstimator' | 'pickPerson' | 'describeModelError' | 'now' | 'fallback'
> {
	/** The pose model chosen in Settings (a lost GPU switches it, see LiveDeps.fallback). */
	model: ModelChoice;
	/** The posture camera (the one chosen in Settings, at a low frame rate). */
	openCamera(): Promise<FrameSource>;
	/**
	 * Takes single frames from the open camera (camera/frame-grabber.ts), or null where the
	 * browser cannot: then the checks read the playing `<video>`.
	 */
	frameGrabber?(source: FrameSource): FrameGrabber | null;
	/** Times the checks (./sampler.ts: a worker's timer, so a background tab keeps its pace). */
	timer: TimerLike;
	notifier: Notifier;
	chime: Chime;
	/** Local storage: the calibration and the day's timeline (numbers only). */
	storage: StorageLike;
	/** Adds one day's totals to the history database (addPostureTime); rejects when it cannot. */
	saveTotals?(item: PendingTotals): Promise<void>;
	/** The current settings (read at every sample, so changes apply at once). */
	settings(): MonitorSettings;
	/** Wall-clock milliseconds (Date.now). */
	wallNow(): number;
	/** The page is hidden (another tab in front, window minimised). */
	isHidden(): boolean;
	/** The page has the focus (a notification is only needed when it does not). */
	hasFocus(): boolean;
	/** Brings the page to the front (notification click). */
	focusPage?(): void;
}

export type { MonitorPhase };

export interface MonitorProblem {
	source: 'camera' | 'model';
	title: string;
	message: string;
}

export interface Banner {
	kind: 'posture' | 'break' | 'setup';
	title: string;
	message: string;
	/** Wall-clock ms it appeared. */
	at: number;
}

/** How long the person sits still for a calibration, s (2 frames a second: 20 frames). */
export const CALIBRATION_SECONDS = 10;
/** Totals go to the history database this often (ms), and on pause and when the tab hides. */
const FLUSH_MS = 60_000;
/** The reactive timeline refreshes this often while monitoring (ms): its slots are 5 minutes. */
const TODAY_REFRESH_MS = 30_000;
/** Checks in a row on an unchanged camera picture before the page says frames stopped. */
const STALLED_CHECKS = 3;
/** Longest gap (s) credited to the timeline between two samples (a throttled tab: 1 a minute). */
const MAX_GAP_S = 90;

export const CALIBRATION_KEY = 'scapula:posture-calibration';
export const TIMELINE_KEY = 'scapula:posture-timeline';
/** The named per-setup calibrations (../setups.ts); the one in use is also at CALIBRATION_KEY. */
export const SETUPS_KEY = 'scapula:posture-setups';

export class PostureMonitor {
	/** The latest reading (replaced every sample). */
	reading: PostureReading | null = $state.raw(null);
	guides: GuideLine[] = $state.raw([]);
	calibration: Calibration | null = $state.raw(null);
	/** The saved setups, each with its calibration, and the name of the one in use. */
	setups: readonly SavedSetup[] = $state.raw([]);
	activeSetup: string | null = $state(null);
	/** The name the next calibration is saved under (the page's field). */
	setupName = $state('');
	/** Why the saved setups could not all be read, or ''. */
	setupsProblem = $state('');
	/**
	 * Why the day's minutes could not be added to History at the last try ('' when they were):
	 * a damaged stored day, or storage that refused the write. The minutes are kept and tried
	 * again at the next flush.
	 */
	historyProblem = $state('');
	/** 0–1 while calibrating. */
	calibrationProgress = $state(0);
	/** Why the last calibration failed, or ''. */
	calibrationError = $state('');
	banner: Banner | null = $state.raw(null);
	/** Wall ms the settled status last changed. */
	statusSince = $state(0);
	/** Seconds sitting since the last break; seconds of the current slouch. */
	sittingSeconds = $state(0);
	slouchSeconds = $state(0);
	/** Wall ms nudges are snoozed until, or null. */
	snoozedUntil: number | null = $state(null);
	/** A due nudge is being held by quiet hours right now. */
	quietNow = $state(false);
	/** Set when the browser slows this tab's checks down in the background: the actual pace. */
	throttledEveryMs: number | null = $state(null);
	/** Today's timeline (refreshed every few seconds). */
	today: DayTimeline = $state.raw({ date: '', slots: {}, nudges: 0 });
	/**
	 * Today's seconds per status, updated at every check: the totals beside the live sitting
	 * timer must agree with it ("Sitting 25 s" beside "Upright 1 s" did, with the totals waiting
	 * for the timeline's 30 s refresh). The timeline and its charts keep the slower refresh.
	 */
	todayTotals: StatusSeconds = $state.raw(emptySeconds());
	/** Share of one core the monitor's own work took over the last minutes (0–1), or null. */
	cpuShare: number | null = $state(null);
	/** Milliseconds until the next check (the adaptive pace). */
	nextDelayMs = $state(0);
	/** Checks done since the camera opened, and the last one's own work (model + engine), ms. */
	samples = $state(0);
	lastSampleMs: number | null = $state(null);
	/** Own work (model + engine) since the camera opened, ms: for the CPU benchmark. */
	busyMsTotal = $state(0);
	/**
	 * The camera picture has not changed for several checks: a browser that stops feeding the
	 * camera to a background tab, or a frozen camera. Those checks are skipped, not judged.
	 */
	framesStalled = $state(false);
	/**
	 * The `<video>` plays the camera (before calibrating, so the person can sit in view). While
	 * calibrating and monitoring, where frames can be grabbed, it does not: the browser then hands
	 * the page only the frames checked, and the picture shown is the last one checked
	 * (`snapshot`). Measured (bench/README.md): the camera playing at 5 frames a second cost
	 * more of a core than the model.
	 */
	liveVideo = $state(true);
	/** The frame last checked, for the picture while the video does not play; or null. */
	snapshot: ImageBitmap | null = $state.raw(null);

	readonly #deps: MonitorDeps;
	/** The camera, the model and the tracked person; its frames come to `#consume`. */
	readonly #session: PostureSession;
	/**
	 * What the monitor itself is doing; `phase` adds what the session says (starting, failed).
	 * Only 'calibrating' and 'monitoring' take frames.
	 */
	#mode: Exclude<MonitorPhase, 'error'> = $state('idle');
	/** Nudges reach the person through it (session/announcer.svelte.ts), words included. */
	readonly #announcer: Announcer;
	#engine = new PostureEngine();
	#calibrator: Calibrator | null = null;
	#calibrationStart = 0;
	#nudges: NudgeState = INITIAL_NUDGE_STATE;
	#log: DayLog;
	#lastSampleWall: number | null = null;
	#lastStatus: PostureStatus | null = null;
	/** Paces the session's frames from the worker timer (./sampler.ts). */
	readonly #pacer: TimedPacer;
	/** Bumped by every start and pause, so a start that finishes after a pause is dropped. */
	#generation = 0;
	/** Monotonic ms the frame in the model was taken at: the engine's and the nudges' clock. */
	#sampleStartMs = 0;
	/** The session handed the frame in the model on (it was not dropped or unreadable). */
	#consumed = false;
	#lastFlush = 0;
	#lastTodayRefresh = 0;
	/** Own work (model + engine) and wall time since `#costSince`, ms. */
	#busyMs = 0;
	#costSince = 0;
	#lastVideoTime = -1;
	#sameFrames = 0;
	/** The smoothed body of the last frame, for the overlay (also while calibrating). */
	#drawBody: Body | null = $state.raw(null);
	/** Grabs the checked frames from the open camera, or null (read the video). */
	#grabber: FrameGrabber | null = null;
	/** The page's `<video>` (attachVideo). */
	#video: HTMLVideoElement | null = null;

	constructor(deps: MonitorDeps) {
		this.#deps = deps;
		this.#announcer = new Announcer(null, {
			alerts: {
				chime: deps.chime,
				notifier: deps.notifier,
				soundOn: () => deps.settings().sound,
				pageInFront: () => !deps.isHidden() && deps.hasFocus(),
				focusPage: () => deps.focusPage?.()
			}
		});
		this.#pacer = new TimedPacer({
			timer: deps.timer,
			now: deps.now,
			isHidden: deps.isHidden,
			// None while waiting for a calibration.
			wanted: () => this.active,
			nextDelay: () => this.#delay(),
			onSchedule: (delayMs) => (this.nextDelayMs = delayMs)
		});
		this.#session = new PostureSession(
			deps.model,
			{
				loadEstimator: deps.loadEstimator,
				pickPerson: deps.pickPerson,
				describeModelError: deps.describeModelError,
				fallback: deps.fallback,
				now: deps.now,
				openCamera: () => deps.openCamera(),
				// The camera is the one chosen in Settings: this page lists none.
				listCameras: async () => [],
				startLoop: (video, frame, options) =>
					this.#pacer.pace(video, () => this.#sample(video, frame), options)
				// No onVisibilityChange: work mode goes on in a background tab.
			},
			(frame) => this.#consume(frame)
		);
		this.#log = new DayLog(readJson(deps.storage, TIMELINE_KEY, [] as unknown[], Array.isArray));
		const stored = parseCalibration(readJson(deps.storage, CALIBRATION_KEY, null, isAny));
		if (stored) this.#setCalibration(stored, false);
		this.#readSetups();
		this.#refreshToday(true);
	}

	/** What the monitor is doing, with the session's starting and failures. */
	get phase(): MonitorPhase {
		const mode = this.#mode;
		if (mode === 'idle' || mode === 'paused') return mode;
		const session = this.#session;
		if (session.phase === 'starting') return 'starting';
		if (session.problem && !session.running) return 'error';
		return mode;
	}

	/** Why the camera or the model failed, in this page's words; null when nothing did. */
	get problem(): MonitorProblem | null {
		const p = this.phase === 'error' ? this.#session.problem : null;
		return p ? monitorProblem(p) : null;
	}

	/** The camera is open (its tracks live): the page shows the camera indicator. */
	get cameraOn(): boolean {
		return this.#session.source !== null;
	}

	get source(): FrameSource | null {
		return this.#session.source;
	}

	/** What the model load is doing ('' when nothing). */
	get loadingDetail(): string {
		return this.#session.modelStatus === 'loading' ? this.#session.loadingDetail : '';
	}

	get backend(): string | null {
		return this.#session.backend;
	}

	/** Monitoring or calibrating: frames are flowing. */
	get active(): boolean {
		return this.phase === 'monitoring' || this.phase === 'calibrating';
	}

	/** The body to draw over the video. */
	get body(): Body | null {
		return this.#drawBody;
	}

	get mirrored(): boolean {
		return this.#session.mirrored;
	}

	/** The nudge timing now in force (from the settings). */
	get nudgeConfig(): NudgeConfig {
		const s = this.#deps.settings();
		return {
			...DEFAULT_NUDGE_CONFIG,
			graceSeconds: s.graceSeconds,
			breakMinutes: s.breakMinutes,
			quiet: s.quiet
		};
	}

	/** `{@attach monitor.attachVideo}`: the element the camera plays in. */
	attachVideo = (video: HTMLVideoElement) => {
		this.#video = video;
		const detach = this.#session.attachVideo(video);
		return () => {
			if (this.#video === video) this.#video = null;
			detach();
		};
	};

	/** Opens the camera and loads the model; then calibrates or monitors. */
	async start(): Promise<void> {
		if (this.phase === 'starting' || this.active) return;
		const generation = ++this.#generation;
		this.#mode = 'starting';
		this.#deps.chime.unlock();
		await this.#session.startCamera();
		if (generation !== this.#generation) return;
		const session = this.#session;
		if (!session.running) {
			// A model that failed leaves the camera open in the session: turn its light off too.
			if (session.problem?.source === 'model') session.stop();
			return;
		}
		// The session's pacing asked for a first frame; its timer fires after this, so the
		// first frame already sees the fresh engine and the phase set here.
		session.forget();
		this.#engine.reset();
		this.#lastSampleWall = null;
		this.#costSince = this.#deps.now();
		this.#busyMs = 0;
		// The session has just started the camera playing in the video.
		this.liveVideo = true;
		this.#grabber = session.source ? (this.#deps.frameGrabber?.(session.source) ?? null) : null;
		this.#setMode(this.calibration ? 'monitoring' : 'needs-calibration');
	}

	/** Starts a 10-second calibration (the person sits well meanwhile). */
	calibrate(): void {
		if (!this.#session.running || this.#session.modelStatus !== 'ready') return;
		this.#calibrator = new Calibrator();
		this.#calibrationStart = this.#deps.now();
		this.calibrationProgress = 0;
		this.calibrationError = '';
		if (this.banner?.kind === 'setup') this.banner = null;
		this.#setMode('calibrating');
		this.#pacer.sampleNow();
	}

	/** Stops the camera (tracks stopped, light off) and the checks; keeps the model loaded. */
	pause(): void {
		if (this.phase === 'paused' || this.phase === 'idle') return;
		this.#generation++;
		this.#session.stop();
		this.#calibrator = null;
		this.#nudges = pauseNudges(this.#nudges);
		this.#lastSampleWall = null;
		this.reading = null;
		this.guides = [];
		// The camera is closed: the next start plays it in the video again.
		this.#grabber = null;
		this.liveVideo = true;
		this.#setSnapshot(null);
		this.#mode = 'paused';
		this.flush();
	}

	/** Pause and forget everything transient (the page is closing). */
	stop(): void {
		this.pause();
		this.#deps.timer.dispose();
		this.#session.dispose();
		this.#deps.chime.close();
		this.#mode = 'idle';
	}

	/** Snoozes every nudge for `minutes`. */
	snooze(minutes: number): void {
		const t = this.#deps.now() / 1000;
		this.#nudges = snooze(this.#nudges, t, minutes * 60);
		this.snoozedUntil = this.#deps.wallNow() + minutes * 60_000;
		if (this.banner && this.banner.kind !== 'setup') this.banner = null;
	}

	unsnooze(): void {
		this.#nudges = unsnooze(this.#nudges);
		this.snoozedUntil = null;
	}

	/** The person took their break (e.g. opened the desk-break routine). */
	takeBreak(): void {
		this.#nudges = breakTaken(this.#nudges);
		this.sittingSeconds = 0;
		if (this.banner?.kind === 'break') this.banner = null;
	}

	dismissBanner(): void {
		if (this.banner?.kind === 'setup') this.#engine.dismissSetupChange();
		this.banner = null;
	}

	/** Forget the calibration in use, and its saved setup (the next start asks for a new one). */
	forgetCalibration(): void {
		if (this.activeSetup) this.#writeSetups(removeSetup(this.#shelf, this.activeSetup));
		this.#setCalibration(null, true);
		if (this.#mode === 'monitoring') this.#setMode('needs-calibration');
	}

	/** Writes the day's totals to the history database and the timeline to local storage. */
	flush(): void {
		this.#lastFlush = this.#deps.now();
		writeJson(this.#deps.storage, TIMELINE_KEY, this.#log.toJSON());
		const save = this.#deps.saveTotals;
		if (!save) return;
		for (const item of this.#log.takePending()) {
			// A failed write (storage full, blocked, a damaged stored day) keeps its seconds for
			// the next flush, and says why.
			save(item).then(
				() => (this.historyProblem = ''),
				(e: unknown) => {
					this.#log.restorePending([item]);
					this.historyProblem = historySaveProblem(e);
				}
			);
		}
	}

	/** The name an unnamed calibration would be saved under. */
	get nextSetupName(): string {
		return defaultSetupName(this.#shelf);
	}

	/** Judge against the saved setup called `name` from now on (no recalibrating). */
	useSetup(name: string): void {
		const picked = useSetup(this.#shelf, name);
		if (!picked) return;
		this.#writeSetups(picked.shelf);
		this.#setCalibration(picked.setup.calibration, true);
		this.setupName = picked.setup.name;
		this.#engine.reset();
		this.#session.forget();
		if (this.banner?.kind === 'setup') this.banner = null;
		if (this.#mode === 'calibrating') this.#calibrator = null;
		if (this.#mode === 'needs-calibration' || this.#mode === 'calibrating') {
			this.statusSince = this.#deps.wallNow();
			this.#setMode('monitoring');
			this.#pacer.sampleNow();
		}
	}

	#shelf: SetupShelf = readShelf(null).shelf;

	#readSetups(): void {
		const storage = this.#deps.storage;
		let text: string | null = null;
		try {
			text = storage.getItem(SETUPS_KEY);
		} catch {
			text = null;
		}
		const read = readShelf(text);
		if (read.damaged !== null) {
			// Kept aside under its own key before anything is written over it: nothing is lost.
			try {
				storage.setItem(`${SETUPS_KEY}:damaged:${this.#deps.wallNow()}`, read.damaged);
			} catch {
				// Storage blocked or full: the original stays until the next save overwrites it.
			}
		}
		this.setupsProblem = read.problem;
		this.#applySetups(read.shelf);
		this.setupName = read.shelf.active ?? '';
	}

	#applySetups(shelf: SetupShelf): void {
		this.#shelf = shelf;
		this.setups = shelf.setups;
		this.activeSetup = shelf.active;
	}

	#writeSetups(shelf: SetupShelf): void {
		this.#applySetups(shelf);
		writeJson(this.#deps.storage, SETUPS_KEY, shelf);
	}

	#setCalibration(c: Calibration | null, persist: boolean): void {
		this.calibration = c;
		this.#engine.calibration = c;
		if (persist) {
			if (c) writeJson(this.#deps.storage, CALIBRATION_KEY, c);
			else this.#deps.storage.removeItem(CALIBRATION_KEY);
		}
	}

	/**
	 * Calibrating and monitoring read grabbed frames (where the browser can grab them) and stop
	 * the video playing; waiting for a calibration plays it again so the person can sit in view.
	 */
	#setMode(mode: 'needs-calibration' | 'calibrating' | 'monitoring'): void {
		this.#mode = mode;
		const grab = this.#grabber !== null && mode !== 'needs-calibration';
		const source = this.#session.source;
		const video = this.#video;
		if (grab !== this.liveVideo || !source || !video) return;
		if (grab) {
			// The video plays on until the first grabbed frame takes its place (#setSnapshot).
			this.liveVideo = false;
			return;
		}
		this.liveVideo = true;
		this.#setSnapshot(null);
		// A camera that cannot play again fails the next checks, which the page reports.
		source.attach(video).catch(() => undefined);
	}

	/** Shows `picture` as the frame last checked, freeing the one it replaces. */
	#setSnapshot(picture: ImageBitmap | null): void {
		const previous = this.snapshot;
		this.snapshot = picture;
		if (previous && previous !== picture) previous.close();
		const video = this.#video;
		if (picture && video?.srcObject) this.#session.source?.detach(video);
	}

	#delay(): number {
		const r = this.reading;
		return nextSampleDelay({
			calibrating: this.#mode === 'calibrating',
			status: r?.status ?? null,
			pending: r?.pending ?? false,
			severity: r?.severity ?? null,
			stableSeconds: (this.#deps.wallNow() - this.statusSince) / 1000
		});
	}

	/**
	 * One check, at the pacer's tick: the session's frame (model → `#consume`) unless the picture
	 * is unchanged, and its own work counted for the CPU figures.
	 */
	async #sample(
		video: HTMLVideoElement,
		frame: (nowMs: number, picture?: ImageBitmap) => Promise<void>
	): Promise<void> {
		// The pacer has just measured this tick's lateness.
		this.throttledEveryMs = this.#pacer.throttledEveryMs;
		const grabber = this.liveVideo ? null : this.#grabber;
		let picture: ImageBitmap | null = null;
		if (grabber) {
			// Always a new frame, or none within the grab's timeout.
			picture = await grabber.grab();
			if (!picture) return this.#sameFrame();
		} else {
			if (video.readyState < 2 || video.videoWidth === 0) return;
			// A live camera's currentTime runs on; the same time again means the same picture.
			if (video.currentTime === this.#lastVideoTime) return this.#sameFrame();
			this.#lastVideoTime = video.currentTime;
		}
		this.#sameFrames = 0;
		this.framesStalled = false;
		const started = this.#deps.now();
		this.#sampleStartMs = started;
		this.#consumed = false;
		try {
			await frame(started, picture ?? undefined);
		} finally {
			// Shown until the next check; a frame dropped (a pause came in between) or one the
			// model failed on is freed.
			if (picture && this.#consumed && !this.liveVideo) this.#setSnapshot(picture);
			else picture?.close();
		}
		if (!this.#consumed) return;
		const end = this.#deps.now();
		this.samples++;
		this.lastSampleMs = end - started;
		this.busyMsTotal += end - started;
		this.#busyMs += end - started;
		const span = end - this.#costSince;
		if (span >= 5000) this.cpuShare = this.#busyMs / span;
		if (span >= 120_000) {
			// A rolling window: halve both so the share follows the recent pace.
			this.#busyMs /= 2;
			this.#costSince = end - span / 2;
		}
	}

	/** A check found no new camera frame: after a few in a row the page says frames stopped. */
	#sameFrame(): void {
		this.#sameFrames++;
		if (this.#sameFrames >= STALLED_CHECKS) this.framesStalled = true;
	}

	/** The session's frame: judged (or calibrated on) at the time it was taken. */
	#consume(live: LiveFrame): void {
		this.#consumed = true;
		const frame: PoseFrame = { t: this.#sampleStartMs / 1000, body: live.body };
		if (this.#mode === 'calibrating') this.#calibrationFrame(frame);
		else if (this.#mode === 'monitoring') this.#monitorFrame(frame);
	}

	#calibrationFrame(frame: { t: number; body: Body | null }): void {
		const c = this.#calibrator;
		if (!c) return;
		const { features, body } = this.#engine.measure(frame);
		c.add(frame.t, features);
		this.reading = null;
		this.guides = [];
		this.#drawBody = body;
		const elapsed = (this.#deps.now() - this.#calibrationStart) / 1000;
		this.calibrationProgress = Math.min(1, elapsed / CALIBRATION_SECONDS);
		if (elapsed < CALIBRATION_SECONDS) return;
		this.#calibrator = null;
		try {
			const cal = c.finish({ requireStill: true });
			this.#setCalibration(cal, true);
			this.#writeSetups(saveSetup(this.#shelf, this.setupName, cal, this.#deps.wallNow()));
			this.setupName = this.activeSetup ?? this.setupName;
			this.#engine.reset();
			this.statusSince = this.#deps.wallNow();
			this.#setMode('monitoring');
		} catch (e) {
			this.calibrationError =
				e instanceof CalibrationError
					? CALIBRATION_HELP[e.problem]
					: 'Calibration failed. Try again.';
			this.#setMode('needs-calibration');
		}
	}

	#monitorFrame(frame: { t: number; body: Body | null }): void {
		const settings = this.#deps.settings();
		this.#engine.sensitivity = settings.sensitivity;
		const r = this.#engine.process(frame);
		this.reading = r;
		this.#drawBody = r.body;
		const cal = this.calibration;
		this.guides = cal ? postureGuides(cal, r.features, settings.sensitivity) : [];
		const wall = this.#deps.wallNow();
		if (r.status !== this.#lastStatus) {
			this.#lastStatus = r.status;
			this.statusSince = wall;
		}
		// The timeline: the time since the last sample, in the status now settled.
		if (this.#lastSampleWall !== null) {
			const from = Math.max(this.#lastSampleWall, wall - MAX_GAP_S * 1000);
			this.#log.add(r.status, from, wall, r.cause);
		}
		this.#lastSampleWall = wall;

		// A one-off value for the quiet-hours check, never stored or observed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const at = new Date(wall);
		const step = nudgeStep(
			this.#nudges,
			{ t: frame.t, wall: at, status: r.status },
			{
				...this.nudgeConfig,
				quiet: settings.quiet
			}
		);
		this.#nudges = step.state;
		this.sittingSeconds = step.state.sittingSeconds;
		this.slouchSeconds = step.state.slouchSeconds;
		this.quietNow = step.held === 'quiet';
		if (this.snoozedUntil !== null && step.state.snoozedUntil === null) this.snoozedUntil = null;
		for (const e of step.events) {
			if (e.kind === 'posture') this.#nudgePosture(r, wall);
			else this.#nudgeBreak(e.sittingMinutes, wall);
		}
		if (this.banner?.kind === 'posture' && r.status === 'upright') this.banner = null;
		if (r.setupChanged && this.banner?.kind !== 'setup') {
			this.banner = {
				kind: 'setup',
				title: this.#announcer.words.setupChangedTitle,
				message: this.#announcer.words.setupChanged,
				at: wall
			};
		} else if (!r.setupChanged && this.banner?.kind === 'setup') {
			this.banner = null;
		}
		const now = this.#deps.now();
		if (now - this.#lastFlush >= FLUSH_MS) this.flush();
		this.#refreshToday(false);
		this.#refreshTotals();
	}

	#nudgePosture(r: PostureReading, wall: number): void {
		const cal = this.calibration;
		const message = nudgeMessage(r.checks, (c) =>
			cal ? (metricDef(cal.view, c.id)?.cue ?? '') : ''
		);
		const title = this.#announcer.words.postureNudgeTitle;
		this.banner = { kind: 'posture', title, message, at: wall };
		this.#log.nudge(wall);
		this.#refreshToday(true);
		this.#announcer.alert(title, message, 'scapula-posture');
	}

	#nudgeBreak(minutes: number, wall: number): void {
		const { breakNudgeTitle: title, breakNudge } = this.#announcer.words;
		const message = breakNudge(minutes);
		this.banner = { kind: 'break', title, message, at: wall };
		this.#announcer.alert(title, message, 'scapula-break');
	}

	#refreshToday(force: boolean): void {
		const now = this.#deps.now();
		// An empty day shows its first seconds at once, then every TODAY_REFRESH_MS.
		const empty = Object.keys(this.today.slots).length === 0;
		if (!force && !empty && now - this.#lastTodayRefresh < TODAY_REFRESH_MS) return;
		this.#lastTodayRefresh = now;
		this.today = this.#log.day(localDate(this.#deps.wallNow()));
		this.todayTotals = dayTotals(this.today);
	}

	#refreshTotals(): void {
		this.todayTotals = dayTotals(this.#log.day(localDate(this.#deps.wallNow())));
	}

	/** Refreshes today's timeline now (e.g. after the page comes back into view). */
	refreshToday(): void {
		this.#refreshToday(true);
	}
}

const isAny = (v: unknown): v is unknown => v !== undefined;

/**
 * The monitor's live session: the posture camera only (no video files, no trace replays), its
 * frames handed to the monitor.
 */
class PostureSession extends LiveSession {
	readonly #consume: (frame: LiveFrame) => void;

	constructor(choice: ModelChoice, deps: LiveDeps, consume: (frame: LiveFrame) => void) {
		super(choice, deps);
		this.#consume = consume;
	}

	/** A fresh start of tracking (a new start, another setup). */
	forget(): void {
		this.forgetPerson();
	}

	protected consumeFrame(frame: LiveFrame): void {
		this.#consume(frame);
	}

	// Work mode replays no traces.
	protected consumeTrace(): void {}
	protected traceWillStart(): void {}

	// A switch to the processor (a lost GPU) is shown while the model reloads (`loadingDetail`).
	protected notify(): void {}
}

/**
 * A session problem in this page's words: the camera messages speak of opening a video file,
 * which this page does not offer, and an unplugged camera is started again with "Start".
 */
function monitorProblem(p: Problem): MonitorProblem {
	if (p.source === 'model') return { source: 'model', title: p.title, message: p.message };
	if (p.kind === 'disconnected') {
		return {
			source: 'camera',
			title: 'The camera stopped',
			message: 'It was unplugged, or another app took it. Press "Start" to try again.'
		};
	}
	return { source: 'camera', title: p.title, message: withoutFileHint(p.message) };
}

/** The camera messages (camera/errors.ts) without their hint to open a video file. */
export function withoutFileHint(message: string): string {
	return message
		.replace(/ You can also open a video file instead\./, '')
		.replace(/ — or open a video file of yourself instead/, '')
		.replace(/,? or open a video file instead/, '');
}

/** What to tell the person when the day's minutes could not be added to History. */
export function historySaveProblem(e: unknown): string {
	const kept = "This page keeps today's minutes and tries again every minute.";
	if (e instanceof CorruptRecordError) {
		return (
			`Today's posture minutes could not be added to History: the day stored for ${e.key} is ` +
			`damaged (${e.field} ${e.reason}) and is left as it is; export your history to keep a ` +
			`copy. ${kept}`
		);
	}
	const why = e instanceof Error && e.message ? ` (${e.message})` : '';
	return `Today's posture minutes could not be saved to History${why}. ${kept}`;
}
