import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, KP, type Body, type KeypointName } from '../pose/keypoints';
import { makeCamera, renderPosture, type ViewAngle } from './camera';
import * as P from './postures';
import { computeSkeleton, DEFAULT_PROPORTIONS, type Posture } from './skeleton';
import { distance } from './vec3';

const H = DEFAULT_PROPORTIONS.height;

const view = (p: Posture, v: ViewAngle): Body => {
	const b = renderPosture(p, makeCamera({ view: v }));
	if (!b) throw new Error('no body');
	return b;
};
const at = (b: Body, n: KeypointName) => b.keypoints[KP[n]]!;
/** Body height in px in the default camera, to state tolerances as shares of it. */
const BODY_PX = makeCamera().pxPerMetre * H;

describe('every preset', () => {
	it.each(Object.entries(P.POSTURES))('%s is finite and fully in frame, front and side', (_, p) => {
		for (const v of ['front', 'side'] as const) {
			const b = view(p, v);
			for (const name of COCO_KEYPOINTS) {
				const k = at(b, name);
				expect(Number.isFinite(k.x) && Number.isFinite(k.y)).toBe(true);
				expect(k.x).toBeGreaterThan(0);
				expect(k.x).toBeLessThan(640);
				expect(k.y).toBeGreaterThan(0);
				expect(k.y).toBeLessThan(480);
			}
		}
	});
});

describe('exercise postures look as named', () => {
	it('wall angel low: elbows at shoulder height, wrists above elbows (front view)', () => {
		const b = view(P.wallAngelLow, 'front');
		for (const s of ['left', 'right'] as const) {
			expect(Math.abs(at(b, `${s}_elbow`).y - at(b, `${s}_shoulder`).y)).toBeLessThan(1);
			expect(at(b, `${s}_wrist`).y).toBeLessThan(at(b, `${s}_elbow`).y - 0.1 * BODY_PX);
		}
	});

	it('wall angel high and overhead reach: wrists above the head', () => {
		for (const p of [P.wallAngelHigh, P.overheadReach]) {
			const b = view(p, 'front');
			expect(at(b, 'left_wrist').y).toBeLessThan(at(b, 'left_eye').y - 0.1 * BODY_PX);
			expect(at(b, 'right_wrist').y).toBeLessThan(at(b, 'right_eye').y - 0.1 * BODY_PX);
		}
	});

	it('faulty angels: elbows low, shoulders hiked, one arm lagging', () => {
		const low = view(P.wallAngelElbowsLow, 'front');
		expect(at(low, 'left_elbow').y).toBeGreaterThan(at(low, 'left_shoulder').y + 0.05 * BODY_PX);
		const good = view(P.wallAngelHigh, 'front');
		const shrug = view(P.wallAngelShrug, 'front');
		expect(at(shrug, 'left_shoulder').y).toBeLessThan(at(good, 'left_shoulder').y - 0.02 * BODY_PX);
		const asym = view(P.wallAngelAsymmetric, 'front');
		expect(at(asym, 'right_wrist').y).toBeGreaterThan(at(asym, 'left_wrist').y + 0.03 * BODY_PX);
	});

	it('shrug and squeeze: shoulders up; back and narrower; shrug during squeeze is higher', () => {
		const n = view(P.standingNeutral, 'front');
		const up = view(P.shrugUp, 'front');
		expect(at(up, 'left_shoulder').y).toBeLessThan(at(n, 'left_shoulder').y - 0.03 * BODY_PX);
		const sq = view(P.scapularSqueeze, 'front');
		const width = (b: Body) => at(b, 'left_shoulder').x - at(b, 'right_shoulder').x;
		expect(width(sq)).toBeLessThan(0.95 * width(n));
		// Side view (left side to camera, facing image left): back is image right.
		expect(at(view(P.scapularSqueeze, 'side'), 'left_shoulder').x).toBeGreaterThan(
			at(view(P.standingNeutral, 'side'), 'left_shoulder').x + 0.02 * BODY_PX
		);
		const bad = view(P.shrugDuringSqueeze, 'front');
		expect(at(bad, 'left_shoulder').y).toBeLessThan(at(sq, 'left_shoulder').y - 0.02 * BODY_PX);
	});

	it('neck tilts lower the named ear; turns move the nose to that side', () => {
		const l = view(P.neckTiltLeft, 'front');
		expect(at(l, 'left_ear').y).toBeGreaterThan(at(l, 'right_ear').y + 0.02 * BODY_PX);
		const r = view(P.neckTiltRight, 'front');
		expect(at(r, 'right_ear').y).toBeGreaterThan(at(r, 'left_ear').y + 0.02 * BODY_PX);
		// The person's left is the image right in an unmirrored front view.
		const n = view(P.standingNeutral, 'front');
		expect(at(view(P.neckTurnLeft, 'front'), 'nose').x).toBeGreaterThan(at(n, 'nose').x + 5);
		expect(at(view(P.neckTurnRight, 'front'), 'nose').x).toBeLessThan(at(n, 'nose').x - 5);
	});

	it('hands behind the head: wrists beside and behind the ears, elbows wide', () => {
		const j = computeSkeleton(P.handsBehindHeadSeated).joints;
		for (const s of ['left', 'right'] as const) {
			expect(distance(j[`${s}_wrist`], j[`${s}_ear`])).toBeLessThan(0.1 * H);
			expect(j[`${s}_wrist`].z).toBeLessThan(j[`${s}_ear`].z);
			expect(Math.abs(j[`${s}_elbow`].x)).toBeGreaterThan(
				Math.abs(j[`${s}_shoulder`].x) + 0.05 * H
			);
		}
	});

	it('thoracic extension arches the upper back: shoulders back, face up (side view)', () => {
		const before = view(P.handsBehindHeadSeated, 'side');
		const after = view(P.thoracicExtensionSeated, 'side');
		expect(at(after, 'left_shoulder').x).toBeGreaterThan(
			at(before, 'left_shoulder').x + 0.02 * BODY_PX
		);
		expect(at(after, 'left_hip').x).toBeCloseTo(at(before, 'left_hip').x, 6);
		// Looking up: the nose rises relative to the ear.
		const lift = (b: Body) => at(b, 'left_ear').y - at(b, 'nose').y;
		expect(lift(after)).toBeGreaterThan(lift(before));
	});

	it('a lower-back arch tilts the whole trunk; an upper-back arch bends it', () => {
		const upper = computeSkeleton(P.upperBackExtensionStanding);
		const lower = computeSkeleton(P.lowerBackArch);
		// Both lean the shoulders back of the hips...
		expect(upper.neckBase.z).toBeLessThan(-0.03);
		expect(lower.neckBase.z).toBeLessThan(-0.03);
		// ...but only the lower-back arch tips the upper trunk's axis by the whole angle at the hips.
		const tilt = (s: typeof upper) =>
			Math.atan2(-(s.neckBase.z - s.midHip.z), s.neckBase.y - s.midHip.y);
		expect(tilt(lower)).toBeGreaterThan(tilt(upper));
	});

	it('slouched sitting: head ahead of the shoulders, shoulders ahead of the hips (side view)', () => {
		const b = view(P.slouchedSitting, 'side');
		const upright = view(P.sittingNeutral, 'side');
		// Facing image left: forward is smaller x.
		expect(at(b, 'left_ear').x).toBeLessThan(at(b, 'left_shoulder').x - 0.04 * BODY_PX);
		expect(at(b, 'left_shoulder').x).toBeLessThan(at(b, 'left_hip').x - 0.04 * BODY_PX);
		expect(Math.abs(at(upright, 'left_ear').x - at(upright, 'left_shoulder').x)).toBeLessThan(
			0.01 * BODY_PX
		);
	});

	it('sitting: knees forward of the hips and level with them', () => {
		const b = view(P.sittingNeutral, 'side');
		expect(at(b, 'left_knee').x).toBeLessThan(at(b, 'left_hip').x - 0.2 * BODY_PX);
		expect(Math.abs(at(b, 'left_knee').y - at(b, 'left_hip').y)).toBeLessThan(1);
	});

	it('side stretch and trunk rotation go to the named side', () => {
		const lean = computeSkeleton(P.sideStretchLeanLeft).joints;
		expect(lean.nose.x).toBeGreaterThan(0.05);
		expect(lean.right_wrist.y).toBeGreaterThan(lean.nose.y);
		const rot = computeSkeleton(P.trunkRotationLeft).joints;
		expect(rot.right_shoulder.z).toBeGreaterThan(rot.left_shoulder.z);
	});
});
