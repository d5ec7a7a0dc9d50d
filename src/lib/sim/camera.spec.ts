import { describe, expect, it } from 'vitest';
import { KP, type Body, type KeypointName } from '../pose/keypoints';
import {
	makeCamera,
	OUT_OF_FRAME_SCORE,
	projectPoint,
	renderPosture,
	viewToYaw,
	type CameraOptions
} from './camera';
import { handsOnLowerBack, overheadReach, sittingNeutral, standingNeutral } from './postures';
import { posture } from './skeleton';
import { v3 } from './vec3';

const kp = (b: Body | null, n: KeypointName) => {
	const k = b?.keypoints[KP[n]];
	if (!k) throw new Error(`no ${n}`);
	return k;
};
const render = (o: CameraOptions, p = standingNeutral) => {
	const b = renderPosture(p, makeCamera(o));
	if (!b) throw new Error('no body');
	return b;
};
const shoulderWidthPx = (b: Body) => Math.abs(kp(b, 'left_shoulder').x - kp(b, 'right_shoulder').x);

describe('camera', () => {
	it('front view: the person’s left shoulder on the image right; y grows down', () => {
		const b = render({ view: 'front' });
		expect(kp(b, 'left_shoulder').x).toBeGreaterThan(kp(b, 'right_shoulder').x);
		expect(kp(b, 'left_hip').x).toBeGreaterThan(kp(b, 'right_hip').x);
		expect(kp(b, 'nose').y).toBeLessThan(kp(b, 'left_shoulder').y);
		expect(kp(b, 'left_shoulder').y).toBeLessThan(kp(b, 'left_hip').y);
		expect(kp(b, 'left_hip').y).toBeLessThan(kp(b, 'left_knee').y);
		expect(kp(b, 'left_knee').y).toBeLessThan(kp(b, 'left_ankle').y);
		expect(b.width).toBe(640);
		expect(b.height).toBe(480);
	});

	it('mirrored and back views swap the sides', () => {
		const m = render({ view: 'front', mirrored: true });
		expect(kp(m, 'left_shoulder').x).toBeLessThan(kp(m, 'right_shoulder').x);
		const back = render({ view: 'back' });
		expect(kp(back, 'left_shoulder').x).toBeLessThan(kp(back, 'right_shoulder').x);
	});

	it('fits a standing 1.75 m adult head to toe, arms overhead too, in the default 640×480 frame', () => {
		for (const p of [standingNeutral, overheadReach]) {
			const b = render({}, p);
			for (const k of b.keypoints) {
				expect(k!.y).toBeGreaterThan(0);
				expect(k!.y).toBeLessThan(480);
				expect(k!.score).toBeGreaterThan(0.75);
			}
		}
	});

	it('side view: near-zero shoulder width, face toward the image side it faces', () => {
		const front = render({ view: 'front' });
		const left = render({ view: 'side' });
		expect(shoulderWidthPx(left)).toBeLessThan(0.02 * shoulderWidthPx(front));
		// Left side toward the camera: the person faces image left.
		expect(kp(left, 'nose').x).toBeLessThan(kp(left, 'left_ear').x);
		const right = render({ view: 'side-right' });
		expect(kp(right, 'nose').x).toBeGreaterThan(kp(right, 'right_ear').x);
	});

	it('side view: the far side scores like a hidden point (~0.4), the near side stays high', () => {
		const b = render({ view: 'side' });
		for (const part of ['shoulder', 'elbow', 'wrist', 'ear'] as const) {
			expect(kp(b, `left_${part}`).score).toBeGreaterThanOrEqual(0.8);
			expect(kp(b, `left_${part}`).score).toBeLessThanOrEqual(0.95);
			expect(kp(b, `right_${part}`).score).toBeGreaterThanOrEqual(0.3);
			expect(kp(b, `right_${part}`).score).toBeLessThanOrEqual(0.5);
		}
		// The far knee hides behind the near leg.
		expect(kp(b, 'right_knee').score).toBeLessThan(0.5);
		// Front view: nothing is hidden.
		const f = render({ view: 'front' });
		for (const k of f.keypoints) expect(k!.score).toBeGreaterThan(0.75);
	});

	it('the head hides the far ear when it turns away from a front camera', () => {
		// Looking over the left shoulder turns the left ear to the back.
		const b = render({ view: 'front' }, posture({ neckRotation: 80 }, standingNeutral));
		expect(kp(b, 'left_ear').score).toBeLessThan(0.5);
		expect(kp(b, 'right_ear').score).toBeGreaterThan(0.8);
	});

	it('an arm behind the back hides the wrist from a front camera', () => {
		const b = render({ view: 'front' }, handsOnLowerBack);
		expect(kp(b, 'left_wrist').score).toBeLessThan(0.5);
		expect(kp(b, 'left_elbow').score).toBeGreaterThan(0.8);
	});

	it('pixel distances scale inversely with camera distance (weak perspective)', () => {
		const near = render({ distanceM: 2 });
		const far = render({ distanceM: 4 });
		expect(shoulderWidthPx(near) / shoulderWidthPx(far)).toBeCloseTo(2, 9);
		const span = (b: Body) => kp(b, 'left_ankle').y - kp(b, 'nose').y;
		expect(span(near) / span(far)).toBeCloseTo(2, 9);
		// bodyHeightPx sets the scale directly.
		const sized = makeCamera({ bodyHeightPx: 350 });
		expect(sized.pxPerMetre * 1.75).toBeCloseTo(350, 9);
	});

	it('perspective: nearer points look bigger', () => {
		const cam = makeCamera({ perspective: true, distanceM: 2 });
		const a = projectPoint(v3(0.2, 1, 0.5), cam);
		const b = projectPoint(v3(0.2, 1, -0.5), cam);
		expect(Math.abs(a.x - 320)).toBeGreaterThan(Math.abs(b.x - 320));
		expect(a.depth).toBeCloseTo(0.5, 12);
	});

	it('out of frame: low scores; too little in frame: no person', () => {
		const half = renderPosture(posture({ root: { x: 1.7, z: 0 } }, standingNeutral), makeCamera());
		expect(half).not.toBeNull();
		const outside = half!.keypoints.filter((k) => k!.x > 640);
		expect(outside.length).toBeGreaterThan(0);
		for (const k of outside) expect(k!.score).toBe(OUT_OF_FRAME_SCORE);
		expect(renderPosture(posture({ root: { x: 3, z: 0 } }), makeCamera())).toBeNull();
	});

	it('a seated person sits lower in a fixed camera', () => {
		const stand = render({});
		const sit = render({}, sittingNeutral);
		expect(kp(sit, 'nose').y).toBeGreaterThan(kp(stand, 'nose').y + 50);
	});

	it('views name yaws and bad options throw', () => {
		expect(viewToYaw('front')).toBe(0);
		expect(viewToYaw('side')).toBe(90);
		expect(viewToYaw('side-right')).toBe(-90);
		expect(viewToYaw(30)).toBe(30);
		expect(() => makeCamera({ width: 0 })).toThrow(/frame size/);
		expect(() => makeCamera({ pxPerMetre: -1 })).toThrow(/scale/);
	});
});
