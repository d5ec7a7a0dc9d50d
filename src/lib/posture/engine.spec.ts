/**
 * The posture engine on simulated sitters (src/lib/sim, realistic keypoint noise): calibration,
 * sensitivity, not in position, the setup check, and stored calibrations. The CLI's tests
 * (tests/node/analyze-posture.spec.ts) cover slouch / glance / recline / away / unknown on the
 * same engine; tests/node/posture-real.spec.ts runs it on real photos and clips.
 */
import { describe, expect, it } from 'vitest';
import { KP, type Body, type PoseFrame } from '../pose/keypoints';
import { median } from '../geometry/vec';
import * as sim from '../sim';
import { CalibrationError, Calibrator, parseCalibration, type Calibration } from './calibration';
import { PostureEngine, type PostureReading } from './engine';
import type { PostureStatus, Sensitivity } from './types';

const SEATED = { distanceM: 1.6, target: { y: 0.95 } };
const still = (p: sim.PostureInput, seconds: number, seed = 1) =>
	sim.idle(seconds, { posture: p, sway: 0.5, seed });

function render(timeline: sim.Motion, view: sim.ViewAngle, seed = 1): PoseFrame[] {
	return sim.simulate({ timeline, camera: { ...SEATED, view }, noise: 'realistic', seed }).frames;
}

/** Calibrates on [start, end] s of `frames` (as the CLI does). */
function calibrate(frames: readonly PoseFrame[], start = 0, end = 6): Calibration {
	const measuring = new PostureEngine();
	const c = new Calibrator();
	for (const f of frames) {
		const { features } = measuring.measure(f);
		if (f.t >= start && f.t <= end) c.add(f.t, features);
	}
	return c.finish();
}

function run(
	frames: readonly PoseFrame[],
	cal: Calibration,
	sensitivity: Sensitivity = 'normal'
): PostureReading[] {
	const e = new PostureEngine({ sensitivity });
	e.calibration = cal;
	return frames.map((f) => e.process(f));
}

const seconds = (rs: readonly PostureReading[], status: PostureStatus) => {
	let s = 0;
	for (let i = 0; i + 1 < rs.length; i++) {
		if (rs[i]!.status === status) s += rs[i + 1]!.t - rs[i]!.t;
	}
	return s;
};

const at = (rs: readonly PostureReading[], t: number) => rs.find((r) => r.t >= t)!;

/** Every keypoint moved by (dx, dy) px and scaled by `k` about (cx, cy) from time `from` on. */
function transform(
	frames: readonly PoseFrame[],
	from: number,
	{ dx = 0, dy = 0, k = 1, size }: { dx?: number; dy?: number; k?: number; size?: [number, number] }
): PoseFrame[] {
	return frames.map((f) => {
		if (f.t < from || !f.body) return f;
		const b = f.body;
		const cx = b.width / 2;
		const cy = b.height / 2;
		const body: Body = {
			width: size?.[0] ?? b.width,
			height: size?.[1] ?? b.height,
			keypoints: b.keypoints.map((p) =>
				p ? { x: cx + (p.x - cx) * k + dx, y: cy + (p.y - cy) * k + dy, score: p.score } : null
			)
		};
		return { t: f.t, body };
	});
}

describe('sensitivity', () => {
	/** A share `k` of the simulator's full slouch. */
	const partSlouch = (k: number) =>
		sim.posture(
			{
				thoracicFlexion: 28 * k,
				shoulderRetraction: -0.08 * k,
				headForward: 0.45 * k,
				neckFlexion: 12 * k
			},
			sim.sittingNeutral
		);

	it('strict counts a mild slouch that gentle lets pass; a full slouch counts on all three', () => {
		// Mild: about at the normal limit. The side view sees a slouch earlier (the neck angle
		// grows fast), so its mild slouch is a smaller share of the full one.
		for (const [view, half] of [
			['side', partSlouch(0.25)],
			['front', partSlouch(0.7)]
		] as const) {
			const episode = (p: sim.PostureInput) =>
				render(
					sim.sequence(
						still(sim.sittingNeutral, 8),
						sim.transition(sim.sittingNeutral, p, 2),
						still(p, 12, 2)
					),
					view
				);
			const halfFrames = episode(half);
			const cal = calibrate(halfFrames);
			const by = (s: Sensitivity) => seconds(run(halfFrames, cal, s), 'slouched');
			// From the side a mild slouch leaves the trunk almost where it was: it counts once it
			// outlasts a glance (HEAD_ONLY_SECONDS, 5 s) instead of at once (issue 14), so the 14 s
			// episode holds ≈ 6 s of it (was > 8). So mild a slouch, at strict, breaks off three
			// times; each break shows a quarter second sooner since sit-ups settle in 0.25 s (6.6 s).
			expect(by('strict'), view).toBeGreaterThan(view === 'side' ? 5.5 : 8);
			expect(by('gentle'), view).toBe(0);
			expect(by('strict')).toBeGreaterThanOrEqual(by('normal'));
			const full = episode(sim.slouchedSitting);
			const fullCal = calibrate(full);
			for (const s of ['gentle', 'normal', 'strict'] as const) {
				expect(seconds(run(full, fullCal, s), 'slouched'), `${view} ${s}`).toBeGreaterThan(9);
			}
		}
	});

	it('names the worst metric, with its limit at the chosen sensitivity', () => {
		const frames = render(
			sim.sequence(still(sim.sittingNeutral, 8), still(sim.slouchedSitting, 6, 2)),
			'side'
		);
		const cal = calibrate(frames);
		const normal = at(run(frames, cal), 12);
		const strict = at(run(frames, cal, 'strict'), 12);
		expect(normal.status).toBe('slouched');
		expect(normal.checks[0]!.ratio).toBeGreaterThanOrEqual(1);
		const id = normal.checks[0]!.id;
		const limitOf = (r: PostureReading) => r.checks.find((c) => c.id === id)!.limit;
		expect(limitOf(strict)).toBeCloseTo(limitOf(normal) * 0.7, 6);
		// Worst first.
		const ratios = normal.checks.map((c) => c.ratio);
		expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
	});
});

describe('not in position', () => {
	it('standing up is not in position, never slouched', () => {
		const frames = render(
			sim.sequence(
				still(sim.sittingNeutral, 8),
				sim.transition(sim.sittingNeutral, sim.standingNeutral, 1.5),
				still(sim.standingNeutral, 8, 2)
			),
			'front'
		);
		const rs = run(frames, calibrate(frames));
		expect(at(rs, 5).status).toBe('upright');
		const standing = at(rs, 13);
		expect(standing.status).toBe('not-in-position');
		expect(standing.reason).toBe('stood-up');
		expect(seconds(rs, 'slouched')).toBe(0);
	});

	it('turning side-on after a front calibration is judged on the side view’s own angles', () => {
		// Issue 14: before, a person who turned their chair side-on was "not in position" (the
		// analyser's "unknown") however they sat.
		const turned = sim.posture({ bodyYaw: 90 }, sim.sittingNeutral);
		const slumped = sim.posture({ bodyYaw: 90 }, sim.slouchedSitting);
		const frames = render(
			sim.sequence(
				still(sim.sittingNeutral, 8),
				sim.transition(sim.sittingNeutral, turned, 1.5),
				still(turned, 8, 2),
				sim.transition(turned, slumped, 1),
				still(slumped, 8, 3)
			),
			'front'
		);
		const rs = run(frames, calibrate(frames));
		expect(at(rs, 14).status).toBe('upright');
		expect(at(rs, 14).reason).toBeNull();
		expect(
			seconds(
				rs.filter((r) => r.t < 17),
				'slouched'
			)
		).toBe(0);
		expect(at(rs, 22).status).toBe('slouched');
		expect(at(rs, 22).checks[0]!.unit).toBe('deg');
	});
});

describe('setup check', () => {
	const sitting = () => render(still(sim.sittingNeutral, 40), 'front');

	it('a camera moved (everything shifted) is asked about after 15 s; the worker stays upright', () => {
		const frames = sitting();
		const cal = calibrate(frames);
		const w = frames.find((f) => f.body)!.body!.width;
		const moved = transform(frames, 10, { dx: 0.2 * w, dy: 0.1 * w });
		const rs = run(moved, cal);
		expect(at(rs, 20).setupChanged).toBe(false);
		expect(at(rs, 26).setupChanged).toBe(true);
		// Issue 14: before, an upright worker was "unknown" from the bump on, for good. The
		// metrics a shift cannot move (neck length against shoulder width, head size, tilt)
		// still judge.
		expect(rs.filter((r) => r.t >= 11).every((r) => r.status === 'upright')).toBe(true);
		expect(seconds(rs, 'slouched')).toBe(0);
	});

	it('a camera tilted so the worker sits 0.8 shoulder widths higher is asked about, and judged, not "not in position" for good', () => {
		const frames = sitting();
		const cal = calibrate(frames);
		const rs = run(transform(frames, 10, { dy: -0.8 * cal.reference.scale }), cal);
		// Until the move has held for 15 s it may be a person standing up.
		expect(at(rs, 12).status).toBe('not-in-position');
		expect(at(rs, 26).setupChanged).toBe(true);
		expect(rs.filter((r) => r.t >= 27).every((r) => r.status === 'upright')).toBe(true);
		expect(seconds(rs, 'slouched')).toBe(0);
	});

	it('a camera moved 0.6 shoulder widths is asked about however far the person sits', () => {
		// 3 m away the shoulders are ≈ 80 px wide: the move is ≈ 50 px, under 0.08 of the frame
		// (the old limit, 0.12 of the frame, missed it; at a laptop it caught 0.35 shoulder widths).
		const far = sim.simulate({
			timeline: still(sim.sittingNeutral, 40),
			camera: { ...SEATED, distanceM: 3, view: 'front' },
			noise: 'realistic',
			seed: 1
		}).frames;
		const cal = calibrate(far);
		expect(cal.reference.scale).toBeLessThan(100);
		const rs = run(transform(far, 10, { dx: 0.6 * cal.reference.scale }), cal);
		expect(at(rs, 20).setupChanged).toBe(false);
		expect(at(rs, 27).setupChanged).toBe(true);
		expect(seconds(rs, 'slouched')).toBe(0);
		// Shifting in the chair (0.2 shoulder widths) is no moved camera.
		const shifted = run(transform(far, 10, { dx: 0.2 * cal.reference.scale }), cal);
		expect(shifted.some((r) => r.setupChanged)).toBe(false);
	});

	it('after the camera moved, a slouch is still seen', () => {
		const frames = render(
			sim.sequence(
				still(sim.sittingNeutral, 20),
				sim.transition(sim.sittingNeutral, sim.slouchedSitting, 1),
				still(sim.slouchedSitting, 10, 2)
			),
			'front'
		);
		const cal = calibrate(frames);
		const w = frames.find((f) => f.body)!.body!.width;
		const rs = run(transform(frames, 8, { dx: 0.2 * w, dy: 0.1 * w }), cal);
		expect(at(rs, 18).status).toBe('upright');
		// Where the shoulders sit no longer says anything, so the head's change counts once it
		// outlasts a glance (HEAD_ONLY_SECONDS).
		expect(at(rs, 28).status).toBe('slouched');
	});

	it('another distance (everything 1.6× larger) is asked about; a slouch is not', () => {
		const frames = sitting();
		const cal = calibrate(frames);
		expect(at(run(transform(frames, 10, { k: 1.6 }), cal), 30).setupChanged).toBe(true);
		const slouch = render(
			sim.sequence(still(sim.sittingNeutral, 8), still(sim.slouchedSitting, 30, 2)),
			'front'
		);
		const rs = run(slouch, calibrate(slouch));
		expect(rs.some((r) => r.setupChanged)).toBe(false);
		expect(at(rs, 35).status).toBe('slouched');
	});

	it('another frame size is a new setup at once; dismissing stops the question', () => {
		const frames = sitting();
		const cal = calibrate(frames);
		const b = frames.find((f) => f.body)!.body!;
		const rs = run(transform(frames, 10, { size: [b.width * 2, b.height * 2] }), cal);
		expect(at(rs, 10.5).setupChanged).toBe(true);

		const e = new PostureEngine();
		e.calibration = cal;
		const moved = transform(frames, 5, { dx: 0.25 * b.width });
		let last: PostureReading | null = null;
		for (const f of moved) {
			last = e.process(f);
			if (last.setupChanged) e.dismissSetupChange();
		}
		expect(last!.setupChanged).toBe(false);
		expect(last!.status).toBe('upright');
	});
});

describe('calibration', () => {
	it('reads the view and facing, and survives a JSON round trip', () => {
		const facings: number[] = [];
		for (const view of ['side', 'side-right', 'front'] as const) {
			const cal = calibrate(render(still(sim.sittingNeutral, 8), view));
			expect(cal.view).toBe(view === 'front' ? 'front' : 'side');
			facings.push(cal.reference.facing);
			expect(parseCalibration(JSON.parse(JSON.stringify(cal)))).toEqual(cal);
		}
		// Seen from the person's two sides, they face opposite ways in the image.
		expect(facings[0]).toBe(-facings[1]!);
	});

	it('rejects stored data it does not understand', () => {
		const cal = calibrate(render(still(sim.sittingNeutral, 8), 'side'));
		const bad: unknown[] = [
			null,
			'x',
			{ ...cal, version: 2 },
			{ ...cal, view: 'top' },
			{ ...cal, reference: { ...cal.reference, scale: -1 } },
			{ ...cal, baseline: { ...cal.baseline, neckAngle: 'a' } },
			{ ...cal, baseline: {} },
			{ ...cal, anchor: { ...cal.anchor, head: null } }
		];
		for (const b of bad) expect(parseCalibration(b)).toBeNull();
	});

	it('says what went wrong: nobody there, or moving while calibrating', () => {
		const empty = new Calibrator();
		empty.add(0, null);
		empty.add(5, null);
		expect(() => empty.finish()).toThrow(CalibrationError);
		expect(() => empty.finish()).toThrow(/nobody was in view/);

		const moving = render(
			sim.sequence(
				sim.transition(sim.sittingNeutral, sim.standingNeutral, 3),
				sim.transition(sim.standingNeutral, sim.sittingNeutral, 3)
			),
			'front'
		);
		const m = new PostureEngine();
		const c = new Calibrator();
		for (const f of moving) c.add(f.t, m.measure(f).features);
		expect(() => c.finish({ requireStill: true })).toThrow(
			expect.objectContaining({ problem: 'moving' })
		);
		expect(c.seconds).toBeGreaterThan(5);
	});
});

describe('readings', () => {
	it('never hold NaN: a frame without a body is away, before calibration unknown', () => {
		const e = new PostureEngine();
		expect(e.process({ t: 0, body: null })).toMatchObject({ status: 'away', reason: 'no-person' });
		const frames = render(still(sim.sittingNeutral, 2), 'front');
		const r = e.process(frames[10]!);
		expect(r.raw).toBe('unknown');
		expect(r.reason).toBe('not-calibrated');
		expect(r.severity).toBeNull();
	});

	it('rejects bad options with a clear error', () => {
		expect(() => new PostureEngine({ limits: { headDrop: 0 } })).toThrow(/headDrop/);
		expect(() => new PostureEngine({ releaseShare: 2 })).toThrow(/releaseShare/);
		expect(() => new PostureEngine({ settleSeconds: -1 })).toThrow(/settleSeconds/);
	});
});

describe('at a real desk (issue 14)', () => {
	/** Head pitched down as far as a look at a phone in the lap, trunk still. */
	const lookDown = sim.posture({ neckFlexion: 60 }, sim.sittingNeutral);
	const episode = (hold: number) =>
		render(
			sim.sequence(
				still(sim.sittingNeutral, 8),
				sim.transition(sim.sittingNeutral, lookDown, 0.4),
				still(lookDown, hold, 2),
				sim.transition(lookDown, sim.sittingNeutral, 0.4),
				still(sim.sittingNeutral, 8, 3)
			),
			'front'
		);

	it('a glance down with the trunk still is not a slouch; held on, it becomes one', () => {
		const glance = episode(2);
		const rs = run(glance, calibrate(glance));
		// Before: the head's drop alone made it "slouched" for as long as the glance lasted.
		expect(seconds(rs, 'slouched')).toBe(0);
		const held = episode(12);
		const long = run(held, calibrate(held));
		expect(at(long, 12).status).toBe('upright');
		expect(at(long, 16).status).toBe('slouched');
	});

	it('keypoints fading while the head goes down are evidence of the slouch, not "unknown"', () => {
		const frames = render(
			sim.sequence(
				still(sim.sittingNeutral, 8),
				sim.transition(sim.sittingNeutral, sim.slouchedSitting, 1),
				still(sim.slouchedSitting, 10, 2)
			),
			'front'
		);
		const cal = calibrate(frames);
		// From the slouch on, the model is unsure of the face, the ears and the shoulders (the
		// left ear and the shoulders still counted as seen at 0.32–0.35, the nose and the right
		// ear lost): the head-and-shoulder mean falls under 0.3. Before, that was "unknown".
		const faded = frames.map((f) => {
			if (f.t < 9 || !f.body) return f;
			const keypoints = f.body.keypoints.map((k, i) =>
				k && i <= 6 ? { ...k, score: i === 0 || i === 4 ? 0.1 : i <= 3 ? 0.32 : 0.35 } : k
			);
			return { t: f.t, body: { ...f.body, keypoints } };
		});
		const rs = run(faded, cal);
		expect(rs.filter((r) => r.t >= 12).every((r) => r.status === 'slouched')).toBe(true);
	});
});

describe('a camera close to the face (issue 14)', () => {
	/** The same frames with everything below the head out of view (scores 0). */
	const headOnly = (frames: readonly PoseFrame[]) =>
		frames.map((f) =>
			f.body
				? {
						t: f.t,
						body: {
							...f.body,
							keypoints: f.body.keypoints.map((k, i) => (k && i >= 5 ? { ...k, score: 0 } : k))
						}
					}
				: f
		);

	it('calibrates on the face alone and judges the head: a sustained slouch, not a glance', () => {
		const frames = headOnly(
			render(
				sim.sequence(
					still(sim.sittingNeutral, 8),
					sim.transition(sim.sittingNeutral, sim.slouchedSitting, 1),
					still(sim.slouchedSitting, 12, 2)
				),
				'front'
			)
		);
		// Before: "both shoulders must be in view while calibrating".
		const cal = calibrate(frames);
		expect(cal.view).toBe('front');
		expect(cal.anchor.shoulder).toBeNull();
		const rs = run(frames, cal);
		expect(rs.filter((r) => r.t >= 1 && r.t < 8).every((r) => r.status === 'upright')).toBe(true);
		// Without the shoulders nothing tells a glance from a slouch until it lasts.
		expect(at(rs, 11).status).toBe('upright');
		expect(at(rs, 17).status).toBe('slouched');
		expect(parseCalibration(JSON.parse(JSON.stringify(cal)))).toEqual(cal);
	});
});

describe('coming back (issue 14)', () => {
	it('a person sitting back down is shown as they sit within two frames, not a second later', () => {
		const frames = render(still(sim.sittingNeutral, 20), 'front');
		const cal = calibrate(frames);
		// Away from 8 to 12 s (nobody in the picture), then back, sitting as calibrated.
		const gone = frames.map((f) => (f.t >= 8 && f.t < 12 ? { t: f.t, body: null } : f));
		const rs = run(gone, cal);
		expect(at(rs, 11).status).toBe('away');
		// Before: "away" for the settling second after the person was back.
		expect(at(rs, 12.2).status).toBe('upright');
	});
});

describe('sitting back (issue 14)', () => {
	it('moving away from a camera below the face is not a head drop', () => {
		// A laptop camera below the face sees the head high in the picture; sitting back 20 %
		// further shrinks everything toward the picture's centre, so the head and the shoulders
		// sink in the image with no slouch. Before, that read as "Head dropped", backed by the
		// shoulders' drop.
		const frames = render(still(sim.sittingNeutral, 24), 'front');
		const high = transform(frames, 0, { dy: -80 });
		const back = transform(high, 10, { k: 0.8 });
		const rs = run(back, calibrate(high));
		expect(rs.filter((r) => r.t >= 11).every((r) => r.status === 'upright')).toBe(true);
	});

	it('coming 20 % closer is read by the shoulders’ width (leaning in), never as a forward or dropped head', () => {
		// The whole upper body scales together when the person comes closer: the head against the
		// shoulders (head forward) keeps its ratio and the distance is undone for the head's
		// height (head drop). Only the shoulders' width against the calibration's grows, the
		// evidence of leaning toward the screen, which a front camera cannot tell from a chair
		// pulled in (the real cmanas clip's first second: hips, torso, ears and shoulders all
		// ≈ 25 % larger). Guards against reading a bigger face as a forward head.
		for (const seed of [1, 2, 3]) {
			const frames = render(still(sim.sittingNeutral, 20, seed), 'front', seed);
			const closer = transform(frames, 10, { k: 1.2 });
			const after = run(closer, calibrate(closer)).filter((r) => r.t >= 11);
			const worstHead = Math.max(
				...after
					.flatMap((r) => r.checks.filter((c) => c.part === 'head' && !c.excused))
					.map((c) => c.ratio)
			);
			// (The simulator drops a frame now and then: nobody, no checks.)
			const leanIn = after.flatMap((r) =>
				r.checks.filter((c) => c.id === 'leanIn').map((c) => c.ratio)
			);
			expect(worstHead, `seed ${seed}`).toBeLessThan(1);
			// Head checks were read (the max of none is −∞).
			expect(worstHead, `seed ${seed}`).toBeGreaterThan(0);
			// 20 % wider shoulders against a 15 % limit: ≈ 1.3 of it, keypoint noise aside.
			const past = leanIn.filter((x) => x >= 1).length / leanIn.length;
			expect(past, `seed ${seed}`).toBeGreaterThan(0.8);
			expect(median(leanIn), `seed ${seed}`).toBeGreaterThan(1.1);
			expect(median(leanIn), `seed ${seed}`).toBeLessThan(1.7);
		}
	});
});

describe('status timing (issue 14: late in, late out)', () => {
	it.each([
		['a slump', sim.slouchedSitting],
		// Leaning in toward the screen: seen mostly by the shoulders' width, a metric with a
		// longer median window (3 s before, which showed sitting back up ≈ 2.5 s late).
		['a lean toward the screen', sim.posture({ trunkFlexion: 25 }, sim.sittingNeutral)]
	])('shows %s within 2 s of its start, and sitting up within 2 s of its end', (_, p) => {
		// Upright 8 s, a quick change (0.5 s), held 8 s, a quick sit-up (0.5 s), upright 8 s.
		const frames = render(
			sim.sequence(
				still(sim.sittingNeutral, 8),
				sim.transition(sim.sittingNeutral, p, 0.5),
				still(p, 8, 2),
				sim.transition(p, sim.sittingNeutral, 0.5),
				still(sim.sittingNeutral, 8, 3)
			),
			'front'
		);
		const rs = run(frames, calibrate(frames));
		const first = (from: number, status: PostureStatus) =>
			rs.find((r) => r.t >= from && r.status === status)!.t - from;
		expect(first(8, 'slouched')).toBeLessThanOrEqual(2);
		// The sit-up starts at 16.5 s and is done at 17 s.
		expect(first(16.5, 'upright')).toBeLessThanOrEqual(2);
	});

	it('shows a sit-up a quarter second after the frames read upright; a new slouch still needs half a second', () => {
		// Once every metric is back under the release share (the hysteresis), a sit-up is real:
		// showing it took a further 0.5 s, and on the real desk clips kept people who had sat
		// up "slouched" for up to 1.9 s. A slouch, which may lead to a nudge, still settles 0.5 s.
		for (const seed of [1, 2, 3]) {
			const frames = render(
				sim.sequence(
					still(sim.sittingNeutral, 8, seed),
					sim.transition(sim.sittingNeutral, sim.slouchedSitting, 0.5),
					still(sim.slouchedSitting, 8, seed + 1),
					sim.transition(sim.slouchedSitting, sim.sittingNeutral, 0.5),
					still(sim.sittingNeutral, 8, seed + 2)
				),
				'front',
				seed
			);
			const rs = run(frames, calibrate(frames));
			// From the first frame whose own verdict is `status` to the settled status following.
			const lag = (from: number, status: PostureStatus) => {
				const raw = rs.find((r) => r.t >= from && r.raw === status)!.t;
				return rs.find((r) => r.t >= raw && r.status === status)!.t - raw;
			};
			expect(lag(8, 'slouched'), `seed ${seed}`).toBeGreaterThanOrEqual(0.5);
			expect(lag(8, 'slouched'), `seed ${seed}`).toBeLessThan(0.7);
			expect(lag(16.5, 'upright'), `seed ${seed}`).toBeGreaterThanOrEqual(0.25);
			expect(lag(16.5, 'upright'), `seed ${seed}`).toBeLessThan(0.4);
		}
	});
});

describe('a trunk turned from a front camera', () => {
	it('is not a forward head: narrower shoulders make the head look larger, and that is read as a turn', () => {
		// A sitter turns in the chair toward a second screen, eyes back on the laptop: the
		// shoulder line foreshortens (cos 40° = 0.77) while the head, facing the camera, keeps
		// its size, so against the shoulders the head grew ≈ 30 %, past the forward-head limit
		// (18 %). Held past a glance's 5 s it was called a slouch.
		const turned = sim.posture({ trunkRotation: 40, neckRotation: -40 }, sim.sittingNeutral);
		for (const seed of [1, 2, 3]) {
			const frames = render(
				sim.sequence(
					still(sim.sittingNeutral, 8, seed),
					sim.transition(sim.sittingNeutral, turned, 1),
					still(turned, 12, seed + 1)
				),
				'front',
				seed
			);
			const after = run(frames, calibrate(frames)).filter((r) => r.t > 9);
			expect(seconds(after, 'slouched'), `seed ${seed}`).toBe(0);
			expect(seconds(after, 'upright'), `seed ${seed}`).toBeGreaterThan(10);
		}
	});

	it('keeps reading the head against the shoulders in a slouch, which shortens the neck', () => {
		for (const seed of [1, 2, 3]) {
			const frames = render(
				sim.sequence(
					still(sim.sittingNeutral, 8, seed),
					sim.transition(sim.sittingNeutral, sim.slouchedSitting, 1),
					still(sim.slouchedSitting, 8, seed + 1)
				),
				'front',
				seed
			);
			const after = run(frames, calibrate(frames)).filter((r) => r.t > 10);
			const read = after.filter((r) => r.checks.some((c) => c.id === 'headForward'));
			expect(read.length / after.length, `seed ${seed}`).toBeGreaterThan(0.9);
			expect(seconds(after, 'slouched'), `seed ${seed}`).toBeGreaterThan(6);
		}
	});
});

describe('sitting back after leaning in', () => {
	/** The shoulders drawn `k` times as wide about their midpoint over [from, to) s. */
	function widerShoulders(frames: readonly PoseFrame[], from: number, to: number, k: number) {
		return frames.map((f) => {
			if (f.t < from || f.t >= to || !f.body) return f;
			const kps = [...f.body.keypoints];
			const l = kps[KP.left_shoulder];
			const r = kps[KP.right_shoulder];
			if (!l || !r) return f;
			const cx = (l.x + r.x) / 2;
			kps[KP.left_shoulder] = { ...l, x: cx + (l.x - cx) * k };
			kps[KP.right_shoulder] = { ...r, x: cx + (r.x - cx) * k };
			return { t: f.t, body: { ...f.body, keypoints: kps } };
		});
	}

	it('lets go of "leaning toward the screen" within half a second: shoulder width is read over 0.3 s, not 1.5 s', () => {
		// Leaning toward the laptop makes the shoulders look 30 % wider (limit 15 %). Shoulder
		// width comes from the two surest keypoints (frame to frame 1–3 % on the real desk clips),
		// so it needs no long median; with one (1.5 s) the reading stayed past its limit ≈ 0.75 s
		// after the person sat back (cmanas: the upright seconds after a slouch called slouched).
		for (const seed of [1, 2, 3]) {
			const plain = render(still(sim.sittingNeutral, 24, seed), 'front', seed);
			const frames = widerShoulders(plain, 10, 16, 1.3);
			const readings = run(frames, calibrate(frames));
			const leanIn = (r: PostureReading) => r.checks.find((c) => c.id === 'leanIn')?.ratio ?? 0;
			expect(leanIn(at(readings, 12)), `seed ${seed}`).toBeGreaterThan(1.5);
			const back = readings.find((r) => r.t >= 16 && leanIn(r) < 1);
			expect(back, `seed ${seed}`).toBeDefined();
			expect(back!.t - 16, `seed ${seed}`).toBeLessThan(0.5);
		}
	});
});
