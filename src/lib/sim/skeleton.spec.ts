import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS } from '../pose/keypoints';
import { Rng } from './noise';
import {
	computeSkeleton,
	DEFAULT_PROPORTIONS,
	lerpPosture,
	makeProportions,
	mirrorPosture,
	NEUTRAL_POSTURE,
	posture,
	type Posture
} from './skeleton';
import { distance } from './vec3';

/** Lengths are computed, not stored: they must come back within float error (metres). */
const EPS_M = 1e-9;
const P = DEFAULT_PROPORTIONS;

const joints = (p: Posture) => computeSkeleton(p).joints;

function randomPosture(rng: Rng): Posture {
	const r = (lo: number, hi: number) => rng.range(lo, hi);
	const sided = (lo: number, hi: number) => ({ left: r(lo, hi), right: r(lo, hi) });
	return posture({
		root: { x: r(-1, 1), z: r(-1, 1) },
		bodyYaw: r(-180, 180),
		hipFlexion: sided(-20, 110),
		kneeFlexion: sided(0, 120),
		hipAbduction: sided(0, 30),
		trunkFlexion: r(-30, 60),
		trunkSideBend: r(-30, 30),
		trunkRotation: r(-45, 45),
		thoracicFlexion: r(-20, 35),
		shoulderElevation: sided(0, 0.4),
		shoulderRetraction: sided(-0.1, 0.15),
		armRaise: sided(-40, 180),
		armPlane: sided(-30, 140),
		armRotation: sided(-90, 130),
		elbowFlex: sided(0, 145),
		neckFlexion: r(-40, 45),
		neckSideTilt: r(-35, 35),
		neckRotation: r(-70, 70),
		headForward: r(0, 0.5)
	});
}

describe('proportions', () => {
	it('scales every length with height', () => {
		const a = makeProportions(1.5);
		const b = makeProportions(1.8);
		expect(b.upperArm / a.upperArm).toBeCloseTo(1.8 / 1.5, 12);
		expect(b.shoulderWidth / a.shoulderWidth).toBeCloseTo(1.8 / 1.5, 12);
	});

	it('stands as tall as it says: ankle, shin, thigh, torso and neck stack to ear level', () => {
		const j = joints(NEUTRAL_POSTURE);
		// Ear level sits 0.92 H up, within a centimetre (Drillis & Contini).
		expect(j.left_ear.y / P.height).toBeCloseTo(0.918, 2);
		expect(j.left_ankle.y).toBeCloseTo(P.ankleHeight, 12);
	});

	it('rejects nonsense', () => {
		expect(() => makeProportions(0)).toThrow(/height/);
		expect(() => makeProportions(1.7, { forearm: -1 })).toThrow(/forearm/);
		expect(() => posture({ armRaise: NaN })).toThrow(/armRaise/);
	});
});

describe('posture', () => {
	it('applies a patch over a base; one number sets both sides', () => {
		const p = posture({ armRaise: 90, elbowFlex: { left: 30 } }, posture({ elbowFlex: 10 }));
		expect(p.armRaise).toEqual({ left: 90, right: 90 });
		expect(p.elbowFlex).toEqual({ left: 30, right: 10 });
	});

	it('lerps linearly and mirrors symmetrically', () => {
		const a = posture({ armRaise: { left: 10 }, neckRotation: 20 });
		const b = posture({ armRaise: { left: 50 }, neckRotation: -20 });
		expect(lerpPosture(a, b, 0.25).armRaise.left).toBeCloseTo(20, 12);
		const m = mirrorPosture(a);
		expect(m.armRaise.right).toBe(10);
		expect(m.neckRotation).toBe(-20);
	});

	it('a mirrored posture gives the mirrored skeleton', () => {
		const rng = new Rng(7);
		for (let i = 0; i < 20; i++) {
			const p = randomPosture(rng);
			const a = joints(p);
			const b = joints(mirrorPosture(p));
			for (const name of COCO_KEYPOINTS) {
				const other = name.startsWith('left_')
					? name.replace('left_', 'right_')
					: name.replace('right_', 'left_');
				const q = b[other as typeof name];
				expect(q.x).toBeCloseTo(-a[name].x, 9);
				expect(q.y).toBeCloseTo(a[name].y, 9);
				expect(q.z).toBeCloseTo(a[name].z, 9);
			}
		}
	});
});

describe('forward kinematics', () => {
	it('keeps every segment its length in any posture (rigid bones)', () => {
		const rng = new Rng(42);
		for (let i = 0; i < 200; i++) {
			const j = joints(randomPosture(rng));
			for (const s of ['left', 'right'] as const) {
				expect(Math.abs(distance(j[`${s}_shoulder`], j[`${s}_elbow`]) - P.upperArm)).toBeLessThan(
					EPS_M
				);
				expect(Math.abs(distance(j[`${s}_elbow`], j[`${s}_wrist`]) - P.forearm)).toBeLessThan(
					EPS_M
				);
				expect(Math.abs(distance(j[`${s}_hip`], j[`${s}_knee`]) - P.thigh)).toBeLessThan(EPS_M);
				expect(Math.abs(distance(j[`${s}_knee`], j[`${s}_ankle`]) - P.shin)).toBeLessThan(EPS_M);
			}
			expect(Math.abs(distance(j.left_hip, j.right_hip) - P.hipWidth)).toBeLessThan(EPS_M);
			expect(Math.abs(distance(j.left_ear, j.right_ear) - 0.62 * P.headSize)).toBeLessThan(EPS_M);
			// Nothing sinks into the floor.
			expect(Math.min(j.left_ankle.y, j.right_ankle.y)).toBeGreaterThan(0);
		}
	});

	it('neutral: left side at +x, face forward, head above shoulders above hips above knees', () => {
		const j = joints(NEUTRAL_POSTURE);
		expect(j.left_shoulder.x).toBeGreaterThan(0);
		expect(j.right_shoulder.x).toBeLessThan(0);
		expect(j.nose.z).toBeGreaterThan(j.left_ear.z);
		expect(j.nose.y).toBeGreaterThan(j.left_shoulder.y);
		expect(j.left_shoulder.y).toBeGreaterThan(j.left_hip.y);
		expect(j.left_hip.y).toBeGreaterThan(j.left_knee.y);
		expect(j.left_knee.y).toBeGreaterThan(j.left_ankle.y);
	});

	it('armRaise 180 puts the wrists above the head; 90 puts them at shoulder height', () => {
		const up = joints(posture({ armRaise: 180 }));
		const top = Math.max(up.left_eye.y, up.left_ear.y, up.nose.y);
		expect(up.left_wrist.y).toBeGreaterThan(top);
		expect(up.right_wrist.y).toBeGreaterThan(top);
		const side = joints(posture({ armRaise: 90 }));
		expect(side.left_wrist.y).toBeCloseTo(side.left_shoulder.y, 9);
		expect(side.left_wrist.x).toBeCloseTo(side.left_shoulder.x + P.upperArm + P.forearm, 9);
		const forward = joints(posture({ armRaise: 90, armPlane: 90 }));
		expect(forward.left_wrist.z).toBeCloseTo(P.upperArm + P.forearm, 9);
	});

	it('goal post: elbows at shoulder height, forearms vertical with wrists above elbows', () => {
		const j = joints(posture({ armRaise: 90, armRotation: 90, elbowFlex: 90 }));
		for (const s of ['left', 'right'] as const) {
			expect(j[`${s}_elbow`].y).toBeCloseTo(j[`${s}_shoulder`].y, 9);
			expect(j[`${s}_wrist`].y - j[`${s}_elbow`].y).toBeCloseTo(P.forearm, 9);
			expect(j[`${s}_wrist`].x).toBeCloseTo(j[`${s}_elbow`].x, 9);
		}
		// Without external rotation the forearm points forward instead.
		const fwd = joints(posture({ armRaise: 90, armRotation: 0, elbowFlex: 90 }));
		expect(fwd.left_wrist.z - fwd.left_elbow.z).toBeCloseTo(P.forearm, 9);
	});

	it('elbow flexion with the arm hanging brings the forearm forward (anatomical curl)', () => {
		const j = joints(posture({ elbowFlex: 90 }));
		expect(j.left_wrist.z - j.left_elbow.z).toBeCloseTo(P.forearm, 9);
		expect(j.left_wrist.y).toBeCloseTo(j.left_elbow.y, 9);
	});

	it('sitting: hips at knee height, knees forward, feet on the floor', () => {
		const j = joints(posture({ hipFlexion: 90, kneeFlexion: 90 }));
		expect(j.left_knee.y).toBeCloseTo(j.left_hip.y, 9);
		expect(j.left_knee.z - j.left_hip.z).toBeCloseTo(P.thigh, 9);
		expect(j.left_ankle.y).toBeCloseTo(P.ankleHeight, 9);
		expect(j.left_hip.y).toBeCloseTo(P.ankleHeight + P.shin, 9);
	});

	it('trunk and upper-back angles move what they should', () => {
		const n = joints(NEUTRAL_POSTURE);
		const round = joints(posture({ thoracicFlexion: 25 }));
		expect(round.left_hip).toEqual(n.left_hip);
		expect(round.left_shoulder.z).toBeGreaterThan(n.left_shoulder.z + 0.05);
		expect(round.left_shoulder.y).toBeLessThan(n.left_shoulder.y);
		const arch = joints(posture({ thoracicFlexion: -15 }));
		expect(arch.left_shoulder.z).toBeLessThan(-0.03);
		const lean = joints(posture({ trunkSideBend: 20 }));
		expect(lean.nose.x).toBeGreaterThan(0.1);
		const twist = joints(posture({ trunkRotation: 30 }));
		// Turning to the left brings the right shoulder forward.
		expect(twist.right_shoulder.z).toBeGreaterThan(0.05);
		expect(twist.left_shoulder.z).toBeLessThan(-0.05);
	});

	it('head: nod, tilt, turn and protraction', () => {
		const n = joints(NEUTRAL_POSTURE);
		const nod = joints(posture({ neckFlexion: 40 }));
		expect(nod.nose.y).toBeLessThan(n.nose.y - 0.03);
		const tilt = joints(posture({ neckSideTilt: 30 }));
		expect(tilt.left_ear.y).toBeLessThan(tilt.right_ear.y - 0.05);
		const turn = joints(posture({ neckRotation: 60 }));
		expect(turn.nose.x).toBeGreaterThan(0.05);
		expect(turn.left_ear.z).toBeLessThan(turn.right_ear.z);
		const poke = joints(posture({ headForward: 0.5 }));
		expect(poke.nose.z - n.nose.z).toBeCloseTo(0.5 * P.neck, 9);
	});

	it('shrug raises the shoulders toward the ears; retraction moves them back and in', () => {
		const n = joints(NEUTRAL_POSTURE);
		const s = joints(posture({ shoulderElevation: 0.4 }));
		expect(s.left_shoulder.y - n.left_shoulder.y).toBeCloseTo(0.4 * P.neck, 9);
		expect(s.left_ear.y - s.left_shoulder.y).toBeLessThan(n.left_ear.y - n.left_shoulder.y);
		const r = joints(posture({ shoulderRetraction: 0.12 }));
		expect(r.left_shoulder.z).toBeCloseTo(-0.12 * P.shoulderWidth, 9);
		expect(distance(r.left_shoulder, r.right_shoulder)).toBeLessThan(P.shoulderWidth * 0.95);
	});

	it('bodyYaw and root place the whole figure', () => {
		const base = joints(NEUTRAL_POSTURE);
		const j = joints(posture({ bodyYaw: 90, root: { x: 1, z: -2 } }));
		// Turned to face +x: the left shoulder now lies toward −z.
		expect(j.left_shoulder.z).toBeCloseTo(-2 - base.left_shoulder.x, 9);
		expect(j.nose.x).toBeCloseTo(1 + base.nose.z, 9);
	});
});
