/**
 * Posture geometry and metrics on hand-made bodies: what each number means, in which unit, and
 * the rules around them (sensitivity scaling, reclining excuses a lower head, the view test).
 */
import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, type Body, type KeypointName } from '../pose/keypoints';
import { judgedBody, looksFrontOn, NOSE_DEPTH_PER_EAR_WIDTH, postureFeatures } from './features';
import {
	checkMetrics,
	METRICS_BY_VIEW,
	POSTURE_METRICS,
	readMetrics,
	RECLINE_EXCUSE_DEG,
	SENSITIVITY_SCALE,
	type PostureReference
} from './metrics';

type Points = Partial<Record<KeypointName, [number, number]>>;

function body(points: Points, score = 0.9, width = 640, height = 480): Body {
	return {
		width,
		height,
		keypoints: COCO_KEYPOINTS.map((n) => {
			const p = points[n];
			return p ? { x: p[0], y: p[1], score } : null;
		})
	};
}

/** A person facing the camera: shoulders 200 px apart, ears 80 px, nose between. */
const FRONT: Points = {
	nose: [320, 150],
	left_eye: [335, 140],
	right_eye: [305, 140],
	left_ear: [360, 150],
	right_ear: [280, 150],
	left_shoulder: [420, 260],
	right_shoulder: [220, 260]
};

/** Seen from the side, facing image right: ear over shoulder over hip. */
const SIDE: Points = {
	nose: [345, 140],
	left_ear: [300, 150],
	right_ear: [302, 151],
	left_shoulder: [300, 250],
	right_shoulder: [303, 252],
	left_hip: [300, 400],
	right_hip: [302, 401]
};

const move = (p: Points, name: KeypointName, dx: number, dy: number): Points => {
	const q = p[name]!;
	return { ...p, [name]: [q[0] + dx, q[1] + dy] };
};

describe('features', () => {
	it('averages both sides and measures the head and shoulders', () => {
		const f = postureFeatures(body(FRONT));
		expect(f.head).toEqual({ x: 320, y: 150 });
		expect(f.shoulder).toEqual({ x: 320, y: 260 });
		expect(f.shoulderWidth).toBe(200);
		expect(f.earWidth).toBe(80);
		expect(f.headWidth).toBeCloseTo(80, 6);
		expect(f.headTilt).toBeCloseTo(0, 6);
		expect(f.noseDrop).toBeCloseTo(0, 6);
		expect(f.headShoulderScore).toBeCloseTo(0.9, 6);
	});

	it('corrects the head width for a turned head', () => {
		// Turned 30°: ears look cos 30° as wide, the nose moves d·sin 30° off their midpoint.
		const w = 80;
		const turn = (30 * Math.PI) / 180;
		const half = (w * Math.cos(turn)) / 2;
		const nose = 320 + NOSE_DEPTH_PER_EAR_WIDTH * w * Math.sin(turn);
		const f = postureFeatures(
			body({
				...FRONT,
				left_ear: [320 + half, 150],
				right_ear: [320 - half, 150],
				nose: [nose, 150]
			})
		);
		expect(f.earWidth).toBeCloseTo(w * Math.cos(turn), 6);
		expect(f.headWidth).toBeCloseTo(w, 6);
	});

	it('ignores keypoints the model is unsure of, and never makes NaN', () => {
		const f = postureFeatures(body(FRONT, 0.1));
		expect(f.head).toBeNull();
		expect(f.shoulder).toBeNull();
		const broken = body(FRONT);
		(broken.keypoints as Array<unknown>)[0] = { x: NaN, y: 1, score: 0.9 };
		const g = postureFeatures(broken);
		expect(g.nose).toBeNull();
		for (const v of Object.values(g))
			if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
	});

	it('tells a front view from a side view', () => {
		expect(looksFrontOn(postureFeatures(body(FRONT)))).toBe(true);
		expect(looksFrontOn(postureFeatures(body(SIDE)))).toBe(false);
		// One shoulder hidden: cannot tell.
		const { left_shoulder: _, ...oneShoulder } = FRONT;
		expect(looksFrontOn(postureFeatures(body(oneShoulder)))).toBeNull();
	});
});

const FRONT_REF: PostureReference = { view: 'front', facing: 1, scale: 200, hips: false };
const SIDE_REF: PostureReference = { view: 'side', facing: 1, scale: 150, hips: true };

describe('front metrics', () => {
	const base = readMetrics(postureFeatures(body(FRONT)), FRONT_REF);
	const worse = (p: Points) =>
		Object.fromEntries(
			checkMetrics(readMetrics(postureFeatures(body(p)), FRONT_REF), base, FRONT_REF, 'normal').map(
				(c) => [c.id, c.worse]
			)
		);

	it('reads every front metric from a front body', () => {
		expect(Object.keys(base).sort()).toEqual(METRICS_BY_VIEW.front.map((m) => m.id).sort());
	});

	it('head drop and neck shortening in shoulder widths', () => {
		let p = FRONT;
		for (const n of ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'] as const) {
			p = move(p, n, 0, 30);
		}
		const w = worse(p);
		expect(w.headDrop).toBeCloseTo(30 / 200, 6);
		expect(w.neckShorten).toBeCloseTo(30 / 200, 6);
		// A shrug: the shoulders rise, the head stays.
		let s = FRONT;
		for (const n of ['left_shoulder', 'right_shoulder'] as const) s = move(s, n, 0, -20);
		expect(worse(s).neckShorten).toBeCloseTo(20 / 200, 6);
		expect(worse(s).headDrop).toBeCloseTo(0, 6);
	});

	it('head forward and leaning in as growth ratios; head tilt either way', () => {
		const bigger = move(move(FRONT, 'left_ear', 8, 0), 'right_ear', -8, 0);
		expect(worse(bigger).headForward).toBeCloseTo(96 / 80 - 1, 6);
		const wider = move(move(FRONT, 'left_shoulder', 20, 0), 'right_shoulder', -20, 0);
		expect(worse(wider).leanIn).toBeCloseTo(0.2, 6);
		const tiltL = move(move(FRONT, 'left_ear', 0, -14), 'right_ear', 0, 14);
		const tiltR = move(move(FRONT, 'left_ear', 0, 14), 'right_ear', 0, -14);
		expect(worse(tiltL).headTilt).toBeCloseTo(worse(tiltR).headTilt!, 6);
		expect(worse(tiltL).headTilt).toBeCloseTo((Math.atan2(28, 80) * 180) / Math.PI, 4);
	});
});

describe('side metrics', () => {
	const base = readMetrics(postureFeatures(body(SIDE)), SIDE_REF);
	const checks = (p: Points, ref = SIDE_REF) =>
		checkMetrics(readMetrics(postureFeatures(body(p)), ref), base, ref, 'normal');

	it('head ahead and neck angle grow as the ear moves forward, in the way the person faces', () => {
		let p = SIDE;
		for (const n of ['nose', 'left_ear', 'right_ear'] as const) p = move(p, n, 30, 0);
		const c = Object.fromEntries(checks(p).map((x) => [x.id, x.worse]));
		expect(c.headAhead).toBeCloseTo(30 / 150, 2);
		expect(c.neckAngle).toBeGreaterThan(15);
		// Facing image left, the same move is the head going BACK.
		const left = Object.fromEntries(
			checks(p, { ...SIDE_REF, facing: -1 }).map((x) => [x.id, x.worse])
		);
		expect(left.headAhead).toBeLessThan(0);
	});

	it('reclining excuses a lower head and a shorter hip–shoulder line; hunching does not', () => {
		// Trunk tilted back 15° about the hips, head carried along: the ear sinks.
		const back = (deg: number): Points => {
			const r = (deg * Math.PI) / 180;
			const out: Points = { ...SIDE };
			for (const n of [
				'nose',
				'left_ear',
				'right_ear',
				'left_shoulder',
				'right_shoulder'
			] as const) {
				const [x, y] = SIDE[n]!;
				const dx = x - 300;
				const dy = y - 400;
				out[n] = [
					300 + dx * Math.cos(r) + dy * Math.sin(r),
					400 - dx * Math.sin(r) + dy * Math.cos(r)
				];
			}
			return out;
		};
		const reclined = checks(back(15));
		const lean = reclined.find((c) => c.id === 'trunkLean')!;
		expect(lean.worse).toBeLessThanOrEqual(-RECLINE_EXCUSE_DEG);
		expect(reclined.find((c) => c.id === 'headDrop')!.excused).toBe(true);
		expect(reclined.filter((c) => !c.excused).every((c) => c.ratio < 1)).toBe(true);
		const hunched = checks(back(-25));
		expect(hunched.some((c) => !c.excused && c.ratio >= 1)).toBe(true);
		expect(hunched.every((c) => !c.excused)).toBe(true);
	});
});

describe('limits', () => {
	it('every metric has a positive limit, a label and a cue; gentle > normal > strict', () => {
		for (const m of POSTURE_METRICS) {
			expect(m.limit, m.id).toBeGreaterThan(0);
			expect(m.label.length, m.id).toBeGreaterThan(3);
			expect(m.cue.length, m.id).toBeGreaterThan(10);
		}
		expect(SENSITIVITY_SCALE.gentle).toBeGreaterThan(SENSITIVITY_SCALE.normal);
		expect(SENSITIVITY_SCALE.normal).toBeGreaterThan(SENSITIVITY_SCALE.strict);
	});

	it('scales limits by sensitivity and takes overrides', () => {
		const f = postureFeatures(body(FRONT));
		const v = readMetrics(f, FRONT_REF);
		const gentle = checkMetrics(v, v, FRONT_REF, 'gentle', { headDrop: 0.2 });
		expect(gentle.find((c) => c.id === 'headDrop')!.limit).toBeCloseTo(0.3, 9);
		expect(gentle.every((c) => c.worse === 0 && c.ratio === 0)).toBe(true);
	});
});

describe('judgedBody (issue 14: no invented hips drawn)', () => {
	it('keeps the seen head and shoulders, drops hips at a desk, arms, and points off the picture', () => {
		const w = 640;
		const h = 480;
		const kp = (x: number, y: number, score = 0.9) => ({ x, y, score });
		const keypoints = Array.from({ length: 17 }, () => kp(320, 200));
		keypoints[5] = kp(250, 300); // left shoulder
		keypoints[6] = kp(-4, 300); // right shoulder: outside the picture
		keypoints[11] = kp(260, 475); // left hip on the desk's edge
		keypoints[12] = kp(380, 470); // right hip
		const b = judgedBody({ width: w, height: h, keypoints }, { hips: false });
		const shown = b.keypoints.map((k) => (k && k.score > 0 ? 1 : 0));
		expect(shown.slice(0, 5)).toEqual([1, 1, 1, 1, 1]);
		expect(shown[5]).toBe(1);
		expect(shown[6]).toBe(0);
		expect(shown.slice(7, 17).every((s) => s === 0)).toBe(true);
		// Side-on with the hips used by the calibration: still not where the frame cuts them.
		const side = judgedBody({ width: w, height: h, keypoints }, { hips: true });
		expect(side.keypoints[11]!.score).toBe(0);
	});
});
