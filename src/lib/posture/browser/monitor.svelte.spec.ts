/**
 * The live monitor with fake browser parts and a fake clock: a fake camera, a fake model that
 * returns simulated bodies, a timer the test fires by hand. Covers the flow the page relies on:
 * start → calibrate → monitor → nudge (banner; desktop notification only when the page is not
 * in front) → pause stops the camera and saves the day's totals; stored calibrations; frozen
 * camera pictures are skipped.
 */
import { describe, expect, it, vi } from 'vitest';
import type { FrameSource, SourceEndReason } from '$lib/camera/frame-source';
import type { Body } from '$lib/pose/keypoints';
import * as sim from '$lib/sim';
import { memoryStorage } from '$lib/storage/local';
import { CorruptRecordError } from '$lib/storage/errors';
import type { PendingTotals } from '$lib/posture';
import { Chime } from './chime';
import {
	CALIBRATION_KEY,
	PostureMonitor,
	SETUPS_KEY,
	TIMELINE_KEY,
	type MonitorDeps,
	type MonitorSettings
} from './monitor.svelte';
import { Notifier, type NotificationApi } from './notifier';
import { handTimer } from './test-helpers';

const SEATED = { distanceM: 1.6, target: { y: 0.95 }, view: 'front' as const };
const bodyOf = (p: sim.PostureInput): Body =>
	sim.simulate({ timeline: sim.idle(0.2, { posture: p }), camera: SEATED, noise: 'none' })
		.frames[0]!.body!;
const UPRIGHT = bodyOf(sim.sittingNeutral);
const SLOUCHED = bodyOf(sim.slouchedSitting);

const flush = async () => {
	for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A grabbed frame stand-in that records being closed. */
interface FakeBitmap {
	width: number;
	height: number;
	closed: boolean;
	close(): void;
}

function setup(
	settings: Partial<MonitorSettings> = {},
	storedCalibration?: string,
	stored: Record<string, string> = {},
	options: { grab?: boolean } = {}
) {
	let now = 1_000;
	const wall0 = new Date('2025-03-03T10:00:00').getTime();
	let scene: Body | null = UPRIGHT;
	let focused = true;
	let frameTime = 0;
	let stallFrames = false;
	const video = {
		readyState: 4,
		videoWidth: 640,
		srcObject: null as unknown,
		get currentTime() {
			if (!stallFrames) frameTime += 0.1;
			return frameTime;
		}
	} as unknown as HTMLVideoElement;
	const stop = vi.fn();
	let ended: ((reason: SourceEndReason) => void) | null = null;
	const source: FrameSource = {
		kind: 'camera',
		label: 'Fake camera',
		mirrored: true,
		attach: async (v) => void (v.srcObject = 'camera stream' as unknown as MediaStream),
		play: async () => {},
		detach: (v) => void (v.srcObject = null),
		stop,
		onEnded: (listener) => {
			ended = listener;
			return () => (ended = null);
		}
	};
	const { timer, pending, take } = handTimer();
	const shown: string[] = [];
	class FakeNotification {
		static permission: NotificationPermission = 'granted';
		static requestPermission = async () => 'granted' as NotificationPermission;
		onclick: unknown = null;
		constructor(title: string) {
			shown.push(title);
		}
		close() {}
	}
	const saved: PendingTotals[] = [];
	const grabbed: FakeBitmap[] = [];
	let grabFails = false;
	const estimated: unknown[] = [];
	const storage = memoryStorage();
	if (storedCalibration) storage.setItem(CALIBRATION_KEY, storedCalibration);
	for (const [k, v] of Object.entries(stored)) storage.setItem(k, v);
	const deps: MonitorDeps = {
		model: { model: 'movenet-lightning', runtime: 'tfjs', backend: 'auto' },
		openCamera: async () => source,
		loadEstimator: async () => ({
			estimator: {
				estimate: async (input: unknown) => {
					estimated.push(input);
					return scene ? [scene] : [];
				},
				reset: () => {},
				dispose: () => {}
			},
			backend: 'fake'
		}),
		frameGrabber: options.grab
			? () => ({
					grab: async () => {
						if (grabFails) return null;
						const b: FakeBitmap = {
							width: 640,
							height: 480,
							closed: false,
							close() {
								this.closed = true;
							}
						};
						grabbed.push(b);
						return b as unknown as ImageBitmap;
					}
				})
			: undefined,
		pickPerson: (bodies) => bodies[0] ?? null,
		describeModelError: () => ({ title: 'model', message: 'failed' }),
		timer,
		notifier: new Notifier(FakeNotification as unknown as NotificationApi),
		chime: new Chime(null),
		storage,
		saveTotals: async (item) => void saved.push(item),
		settings: () => ({
			sensitivity: 'normal',
			graceSeconds: 30,
			breakMinutes: 0,
			quiet: () => false,
			sound: false,
			...settings
		}),
		now: () => now,
		wallNow: () => wall0 + now,
		isHidden: () => false,
		hasFocus: () => focused
	};
	const monitor = new PostureMonitor(deps);
	monitor.attachVideo(video);
	return {
		monitor,
		deps,
		storage,
		saved,
		shown,
		stop,
		setScene: (b: Body | null) => (scene = b),
		setFocused: (f: boolean) => (focused = f),
		video,
		/** Moves the fake clock on (e.g. inside a fake model run). */
		advance: (ms: number) => (now += ms),
		stall: (s: boolean) => (stallFrames = s),
		grabbed,
		estimated,
		failGrabs: (f: boolean) => (grabFails = f),
		unplug: () => ended?.('disconnected'),
		hasPending: () => pending() !== null,
		/** Lets the scheduled check run (the clock jumps by its delay); `seconds` of them. */
		async run(seconds: number) {
			const end = now + seconds * 1000;
			while (now < end) {
				const p = take();
				if (!p) throw new Error('nothing scheduled');
				now += Math.max(p.delay, 1);
				p.cb();
				await flush();
			}
		}
	};
}

describe('PostureMonitor', () => {
	it('start → calibrate → upright; a slouch past the grace nudges once, with a banner', async () => {
		const t = setup();
		await t.monitor.start();
		expect(t.monitor.phase).toBe('needs-calibration');
		expect(t.monitor.cameraOn).toBe(true);
		expect(t.monitor.backend).toBe('fake');

		t.monitor.calibrate();
		expect(t.monitor.phase).toBe('calibrating');
		await t.run(10.5);
		expect(t.monitor.phase).toBe('monitoring');
		expect(t.monitor.calibration?.view).toBe('front');
		expect(JSON.parse(t.storage.getItem(CALIBRATION_KEY)!)).toMatchObject({ view: 'front' });
		await t.run(5);
		expect(t.monitor.reading?.status).toBe('upright');
		expect(t.monitor.guides.length).toBeGreaterThanOrEqual(2);
		// The empty day shows its first seconds at once, not at the next 30 s refresh.
		const slots = Object.values(t.monitor.today.slots);
		expect(slots.reduce((s, v) => s + v.upright, 0)).toBeGreaterThan(0);

		t.setScene(SLOUCHED);
		await t.run(20);
		expect(t.monitor.reading?.status).toBe('slouched');
		expect(t.monitor.banner).toBeNull();
		await t.run(15);
		expect(t.monitor.banner).toMatchObject({ kind: 'posture', title: 'Time to sit up' });
		// In front and focused: the banner says it; no desktop notification.
		expect(t.shown).toEqual([]);
		expect(t.monitor.today.nudges).toBe(1);

		// Sitting up clears the banner.
		t.setScene(UPRIGHT);
		await t.run(4);
		expect(t.monitor.reading?.status).toBe('upright');
		expect(t.monitor.banner).toBeNull();
	});

	it('sends a desktop notification only when another window has the focus', async () => {
		const t = setup({ graceSeconds: 5 });
		await t.monitor.start();
		t.monitor.calibrate();
		await t.run(11);
		t.setFocused(false);
		t.setScene(SLOUCHED);
		await t.run(10);
		expect(t.shown).toEqual(['Time to sit up']);
	});

	it('snooze holds the nudge; pause stops the camera and saves the totals', async () => {
		const t = setup({ graceSeconds: 5 });
		await t.monitor.start();
		t.monitor.calibrate();
		await t.run(11);
		t.monitor.snooze(15);
		expect(t.monitor.snoozedUntil).not.toBeNull();
		t.setScene(SLOUCHED);
		await t.run(30);
		expect(t.monitor.banner).toBeNull();

		t.monitor.pause();
		expect(t.monitor.phase).toBe('paused');
		expect(t.stop).toHaveBeenCalledTimes(1);
		expect(t.monitor.cameraOn).toBe(false);
		expect(t.hasPending()).toBe(false);
		await flush();
		const slouched = t.saved.reduce((a, s) => a + s.seconds.slouched, 0);
		expect(slouched).toBeGreaterThan(20);
		expect(JSON.parse(t.storage.getItem(TIMELINE_KEY)!)).toHaveLength(1);
	});

	it('a stored calibration goes straight to monitoring; nobody in view is away', async () => {
		const first = setup();
		await first.monitor.start();
		first.monitor.calibrate();
		await first.run(11);
		const stored = first.storage.getItem(CALIBRATION_KEY)!;

		const t = setup({}, stored);
		expect(t.monitor.calibration?.view).toBe('front');
		await t.monitor.start();
		expect(t.monitor.phase).toBe('monitoring');
		t.setScene(null);
		await t.run(4);
		expect(t.monitor.reading?.status).toBe('away');
		// Forgetting it asks for a new one.
		t.monitor.forgetCalibration();
		expect(t.monitor.phase).toBe('needs-calibration');
		expect(t.storage.getItem(CALIBRATION_KEY)).toBeNull();
	});

	it('calibrations are saved per named setup and picked without recalibrating', async () => {
		const t = setup();
		await t.monitor.start();
		t.monitor.setupName = 'External monitor';
		t.monitor.calibrate();
		await t.run(11);
		const far = t.monitor.calibration!.reference.scale;
		// At the laptop the camera is closer: the shoulders look wider.
		const closer = sim.simulate({
			timeline: sim.idle(0.2, { posture: sim.sittingNeutral }),
			camera: { ...SEATED, distanceM: 1.1 },
			noise: 'none'
		}).frames[0]!.body!;
		t.setScene(closer);
		t.monitor.setupName = ' Laptop on the desk ';
		t.monitor.calibrate();
		await t.run(11);
		expect(t.monitor.setups.map((x) => x.name)).toEqual(['External monitor', 'Laptop on the desk']);
		expect(t.monitor.activeSetup).toBe('Laptop on the desk');
		expect(t.monitor.calibration!.reference.scale).toBeGreaterThan(1.3 * far);

		// Another visit: the list is read back, the last one in use is in use again.
		const again = new PostureMonitor(t.deps);
		again.attachVideo(t.video);
		expect(again.activeSetup).toBe('Laptop on the desk');
		expect(again.setupsProblem).toBe('');
		again.forgetCalibration();
		expect(again.setups.map((x) => x.name)).toEqual(['External monitor']);
		await again.start();
		expect(again.phase).toBe('needs-calibration');
		again.useSetup('external MONITOR');
		expect(again.phase).toBe('monitoring');
		expect(again.activeSetup).toBe('External monitor');
		expect(again.calibration!.reference.scale).toBeCloseTo(far, 6);
		expect(JSON.parse(t.storage.getItem(CALIBRATION_KEY)!).reference.scale).toBeCloseTo(far, 6);
	});

	it('a damaged list of setups is reported and kept aside, and nothing else is lost', async () => {
		const damaged = '{"version":1,"setups":[{"name":"Desk"';
		const t = setup({}, undefined, { [SETUPS_KEY]: damaged });
		const m = t.monitor;
		const wall = t.deps.wallNow();
		expect(m.setupsProblem).toMatch(/could not be read: the stored data is damaged/);
		expect(m.setups).toHaveLength(0);
		expect(t.storage.getItem(`${SETUPS_KEY}:damaged:${wall}`)).toBe(damaged);
		// Calibrating starts a new list.
		await m.start();
		m.calibrate();
		await t.run(11);
		expect(m.setups.map((x) => x.name)).toEqual(['Laptop on the desk']);
	});

	it('skips checks while the camera picture does not change, and says so', async () => {
		const t = setup();
		await t.monitor.start();
		t.monitor.calibrate();
		await t.run(11);
		t.stall(true);
		await t.run(5);
		expect(t.monitor.framesStalled).toBe(true);
		t.stall(false);
		await t.run(2);
		expect(t.monitor.framesStalled).toBe(false);
	});

	it('a camera that fails to open is a problem, the camera stays off', async () => {
		const t = setup();
		const failing = new PostureMonitor({
			...t.deps,
			openCamera: async () => {
				throw Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' });
			}
		});
		await failing.start();
		expect(failing.phase).toBe('error');
		expect(failing.problem).toMatchObject({ source: 'camera', title: 'No camera found' });
		// This page opens no video files, so its words do not offer one.
		expect(failing.problem?.message).not.toMatch(/video file/i);
		expect(failing.cameraOn).toBe(false);
	});

	it('a model that fails to load is a problem, the camera goes off; "Try again" loads it', async () => {
		const t = setup();
		let fail = true;
		const monitor = new PostureMonitor({
			...t.deps,
			loadEstimator: async (choice, onProgress) => {
				if (fail) throw new Error('model file missing');
				return t.deps.loadEstimator(choice, onProgress);
			}
		});
		monitor.attachVideo(t.video);
		await monitor.start();
		expect(monitor.phase).toBe('error');
		expect(monitor.problem).toEqual({ source: 'model', title: 'model', message: 'failed' });
		expect(monitor.cameraOn).toBe(false);
		expect(t.stop).toHaveBeenCalledTimes(1);
		fail = false;
		await monitor.start();
		expect(monitor.phase).toBe('needs-calibration');
		expect(monitor.problem).toBeNull();
		expect(monitor.cameraOn).toBe(true);
	});

	it('an unplugged camera says so in this page\'s words; "Start" opens it again', async () => {
		const t = setup();
		await t.monitor.start();
		t.monitor.calibrate();
		await t.run(11);
		t.unplug();
		expect(t.monitor.phase).toBe('error');
		expect(t.monitor.problem).toMatchObject({ source: 'camera', title: 'The camera stopped' });
		expect(t.monitor.cameraOn).toBe(false);
		expect(t.hasPending()).toBe(false);
		await t.monitor.start();
		expect(t.monitor.phase).toBe('monitoring');
		await t.run(2);
		expect(t.monitor.reading?.status).toBe('upright');
	});
});

describe('the session under the monitor', () => {
	it("counts each check's own work (model + engine) for the CPU figure; frozen pictures cost nothing", async () => {
		const t = setup();
		const monitor = new PostureMonitor({
			...t.deps,
			loadEstimator: async (choice, onProgress) => {
				const loaded = await t.deps.loadEstimator(choice, onProgress);
				const inner = loaded.estimator;
				return {
					...loaded,
					estimator: {
						...inner,
						// 40 ms in the model for each check.
						estimate: async (video, ms) => {
							t.advance(40);
							return inner.estimate(video, ms);
						}
					}
				};
			}
		});
		monitor.attachVideo(t.video);
		await monitor.start();
		monitor.calibrate();
		await t.run(11);
		const checks = monitor.samples;
		// Calibration takes 2 checks a second for 10 s.
		expect(checks).toBeGreaterThanOrEqual(18);
		expect(checks).toBeLessThanOrEqual(24);
		expect(monitor.lastSampleMs).toBe(40);
		expect(monitor.busyMsTotal).toBe(40 * checks);
		// 40 ms of work per 500 ms: 8 % of a core.
		expect(monitor.cpuShare).toBeGreaterThan(0.06);
		expect(monitor.cpuShare).toBeLessThan(0.1);
		t.stall(true);
		await t.run(3);
		expect(monitor.samples).toBe(checks);
	});

	it('a lost GPU switches to the fallback model and monitoring goes on', async () => {
		const t = setup();
		const loads: string[] = [];
		let lost = false;
		const monitor = new PostureMonitor({
			...t.deps,
			loadEstimator: async (choice, onProgress) => {
				loads.push(choice.backend);
				const loaded = await t.deps.loadEstimator(choice, onProgress);
				if (choice.backend !== 'webgl') return loaded;
				const inner = loaded.estimator;
				return {
					backend: 'webgl',
					estimator: {
						...inner,
						estimate: async (video, ms) => {
							if (lost) throw new Error('the WebGL context was lost');
							return inner.estimate(video, ms);
						}
					}
				};
			},
			model: { model: 'movenet-lightning', runtime: 'tfjs', backend: 'webgl' },
			fallback: (choice) => ({
				choice: { ...choice, backend: 'wasm' },
				message: 'Switched to WebAssembly'
			})
		});
		monitor.attachVideo(t.video);
		await monitor.start();
		monitor.calibrate();
		await t.run(11);
		expect(monitor.phase).toBe('monitoring');
		lost = true;
		await t.run(1);
		await flush();
		expect(loads).toEqual(['webgl', 'wasm']);
		expect(monitor.backend).toBe('fake');
		expect(monitor.phase).toBe('monitoring');
		expect(monitor.problem).toBeNull();
		await t.run(3);
		expect(monitor.reading?.status).toBe('upright');
	});
});

describe('adding the day to History', () => {
	it('says why when History refuses the day, keeps the minutes, and clears once saved', async () => {
		const t = setup();
		let refuse: Error | null = new CorruptRecordError(
			'postureDays',
			'2025-03-03',
			'seconds.upright',
			'is not a number'
		);
		t.deps.saveTotals = async (item) => {
			if (refuse) throw refuse;
			t.saved.push(item);
		};
		await t.monitor.start();
		t.monitor.calibrate();
		await t.run(20);
		t.monitor.flush();
		await flush();
		expect(t.monitor.historyProblem).toContain('could not be added to History');
		expect(t.monitor.historyProblem).toContain('the day stored for 2025-03-03 is damaged');
		expect(t.monitor.historyProblem).toContain('seconds.upright is not a number');
		expect(t.monitor.historyProblem).toContain('tries again');
		expect(t.saved).toHaveLength(0);

		refuse = new Error('The storage is full');
		t.monitor.flush();
		await flush();
		expect(t.monitor.historyProblem).toContain('(The storage is full)');

		refuse = null;
		t.monitor.flush();
		await flush();
		expect(t.monitor.historyProblem).toBe('');
		// Nothing lost: the 10 s monitored after the 10 s calibration, refused twice, arrive with
		// the third write.
		const seconds = t.saved.reduce((a, s) => a + s.seconds.upright + s.seconds.unknown, 0);
		expect(seconds).toBeGreaterThan(8);
		expect(seconds).toBeLessThan(12);
	});
});

describe('frames grabbed from the camera', () => {
	it('where frames can be grabbed, the video stops playing while calibrating and monitoring: the model gets the grabbed frames, the last one is the picture', async () => {
		const t = setup({}, undefined, {}, { grab: true });
		await t.monitor.start();
		// Waiting for a calibration: the camera plays in the video so the person can sit in view.
		expect(t.monitor.phase).toBe('needs-calibration');
		expect(t.monitor.liveVideo).toBe(true);
		expect(t.video.srcObject).not.toBeNull();

		t.monitor.calibrate();
		expect(t.monitor.liveVideo).toBe(false);
		// The video plays on until the first grabbed frame takes its place.
		expect(t.video.srcObject).not.toBeNull();
		await t.run(0.001);
		expect(t.grabbed).toHaveLength(1);
		expect(t.estimated.at(-1)).toBe(t.grabbed[0]);
		expect(t.monitor.snapshot).toBe(t.grabbed[0]);
		expect(t.video.srcObject).toBeNull();

		await t.run(10.5);
		expect(t.monitor.phase).toBe('monitoring');
		await t.run(5);
		expect(t.monitor.reading?.status).toBe('upright');
		// Every check had its own frame; all but the one shown are freed.
		const n = t.grabbed.length;
		expect(n).toBeGreaterThanOrEqual(25);
		expect(n).toBeLessThanOrEqual(40);
		expect(t.estimated.slice(-n)).toEqual(t.grabbed);
		expect(t.monitor.snapshot).toBe(t.grabbed[n - 1]);
		expect(t.grabbed.filter((b) => !b.closed)).toEqual([t.grabbed[n - 1]]);
		expect(t.video.srcObject).toBeNull();

		// No frame within the grab's timeout, three checks in a row: frames stopped.
		t.failGrabs(true);
		await t.run(4);
		expect(t.monitor.framesStalled).toBe(true);
		t.failGrabs(false);
		await t.run(1.5);
		expect(t.monitor.framesStalled).toBe(false);

		// Back to waiting for a calibration: the video plays again, no stale picture over it.
		t.monitor.forgetCalibration();
		expect(t.monitor.phase).toBe('needs-calibration');
		expect(t.monitor.liveVideo).toBe(true);
		expect(t.monitor.snapshot).toBeNull();
		await flush();
		expect(t.video.srcObject).not.toBeNull();
		expect(t.grabbed.every((b) => b.closed)).toBe(true);

		// Monitoring again, then a pause: the picture is freed with the camera.
		t.monitor.calibrate();
		await t.run(11);
		expect(t.monitor.phase).toBe('monitoring');
		expect(t.monitor.snapshot).not.toBeNull();
		t.monitor.pause();
		expect(t.monitor.snapshot).toBeNull();
		expect(t.monitor.liveVideo).toBe(true);
		expect(t.grabbed.every((b) => b.closed)).toBe(true);
	});

	it('without a frame grabber (Firefox, Safari) the checks read the playing video throughout', async () => {
		const t = setup();
		await t.monitor.start();
		t.monitor.calibrate();
		await t.run(12);
		expect(t.monitor.phase).toBe('monitoring');
		expect(t.monitor.liveVideo).toBe(true);
		expect(t.monitor.snapshot).toBeNull();
		expect(t.video.srcObject).not.toBeNull();
		expect(t.estimated.length).toBeGreaterThanOrEqual(20);
		expect(t.estimated.every((input) => input === t.video)).toBe(true);
	});
});
