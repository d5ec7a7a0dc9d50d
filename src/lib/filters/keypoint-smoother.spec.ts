import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, KP, type Body } from '../pose/keypoints';
import { KeypointSmoother } from './keypoint-smoother';

function bodyAt(x: number, y: number): Body {
	return {
		keypoints: COCO_KEYPOINTS.map(() => ({ x, y, score: 0.9 })),
		width: 640,
		height: 480
	};
}

/** Deterministic pseudo-noise in [-1, 1]. */
function noise(i: number): number {
	const s = Math.sin(i * 12.9898) * 43758.5453;
	return (s - Math.floor(s)) * 2 - 1;
}

describe('KeypointSmoother', () => {
	it('reduces jitter on a still keypoint', () => {
		const s = new KeypointSmoother();
		const JITTER_PX = 4;
		let rawVar = 0;
		let smoothVar = 0;
		for (let i = 0; i < 300; i++) {
			const rx = 300 + JITTER_PX * noise(i);
			const out = s.apply(bodyAt(rx, 200), i / 30).keypoints[0]!;
			if (i > 30) {
				rawVar += (rx - 300) ** 2;
				smoothVar += (out.x - 300) ** 2;
			}
		}
		expect(smoothVar).toBeLessThan(rawVar / 4);
	});

	it('follows a fast movement with small lag', () => {
		const s = new KeypointSmoother();
		let last = 0;
		// 200 px in 0.5 s, then still: within 3 px of the target 0.2 s after it stops.
		for (let i = 0; i <= 21; i++) {
			const t = i / 30;
			const x = 100 + Math.min(1, t / 0.5) * 200;
			last = s.apply(bodyAt(x, 100), t).keypoints[0]!.x;
		}
		expect(Math.abs(last - 300)).toBeLessThan(3);
	});

	it('keeps output within the range of its inputs', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 200; i++) {
			const x = 100 + 50 * noise(i);
			const out = s.apply(bodyAt(x, x), i / 30).keypoints[5]!;
			expect(out.x).toBeGreaterThanOrEqual(50 - 1e-9);
			expect(out.x).toBeLessThanOrEqual(150 + 1e-9);
		}
	});

	it('holds a one-frame outlier at the track, but follows a jump that stays', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 30; i++) s.apply(bodyAt(300, 200), i / 30);
		// One wild frame 150 px away (0.31 frame heights): ignored.
		expect(s.apply(bodyAt(450, 200), 1).keypoints[0]!.x).toBeCloseTo(300, 3);
		expect(s.apply(bodyAt(300, 200), 1 + 1 / 30).keypoints[0]!.x).toBeCloseTo(300, 3);
		// A jump that persists is real after two frames.
		let x = 0;
		for (let i = 2; i < 6; i++) x = s.apply(bodyAt(450, 200), 1 + i / 30).keypoints[0]!.x;
		expect(x).toBeGreaterThan(440);
	});

	it('restarts after a gap instead of gliding from a stale position', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 30; i++) s.apply(bodyAt(100, 100), i / 30);
		const out = s.apply(bodyAt(400, 100), 3).keypoints[0]!;
		expect(out.x).toBe(400);
	});

	it('drops non-finite keypoints to null and keeps scores unfiltered', () => {
		const s = new KeypointSmoother();
		const b = bodyAt(10, 10);
		const kps = [...b.keypoints];
		kps[3] = { x: NaN, y: 1, score: 0.9 };
		kps[4] = { x: 5, y: 5, score: 0.12 };
		const out = s.apply({ ...b, keypoints: kps }, 0);
		expect(out.keypoints[3]).toBeNull();
		expect(out.keypoints[4]!.score).toBe(0.12);
	});

	it('does not drag a track through an unsure keypoint (a trace row [0, 0, 0])', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 30; i++) s.apply(bodyAt(300, 200), i / 30);
		const b = bodyAt(300, 200);
		const kps = [...b.keypoints];
		kps[0] = { x: 0, y: 0, score: 0 };
		// Within the fill gap it reads at its track, with the last good score.
		const filled = s.apply({ ...b, keypoints: kps }, 1).keypoints[0]!;
		expect(filled.x).toBeCloseTo(300, 6);
		expect(filled.score).toBe(0.9);
		expect(s.apply(bodyAt(300, 200), 1 + 1 / 30).keypoints[0]!.x).toBeCloseTo(300, 6);
	});

	it('fills a keypoint lost for a few frames at its track, but not a longer loss', () => {
		const s = new KeypointSmoother({ fillGapSeconds: 0.2 });
		for (let i = 0; i < 30; i++) s.apply(bodyAt(300, 200), i / 30);
		const lastGood = 29 / 30;
		const lost = (t: number) => {
			const b = bodyAt(300, 200);
			const kps = [...b.keypoints];
			kps[9] = null; // a dropped wrist
			kps[10] = { x: 5, y: 5, score: 0.1 }; // an unsure one
			return s.apply({ ...b, keypoints: kps }, t).keypoints;
		};
		// Frames 1–5 after the last good one (≤ 0.17 s) are filled; frame 6 sits on the limit.
		for (const i of [1, 2, 3, 4, 5, 7, 8, 9, 10]) {
			const k = lost(lastGood + i / 30);
			if (i <= 5) {
				expect(k[9]).toEqual({ x: expect.closeTo(300, 6), y: expect.closeTo(200, 6), score: 0.9 });
				expect(k[10]!.x).toBeCloseTo(300, 6);
			} else {
				// The gap is measured from the last real observation, not from the filled frames.
				expect(k[9]).toBeNull();
				expect(k[10]).toEqual({ x: 5, y: 5, score: 0.1 });
			}
		}
	});

	it('holds a one-frame glitch under maxJumpPerFrame (50 px) at the track', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 30; i++) s.apply(bodyAt(300 + noise(i), 200), i / 30);
		// 50 px is ≈ 0.1 frame heights: under the fixed 0.15 gate, far over the adaptive one.
		const out = s.apply(bodyAt(350, 200), 1).keypoints[0]!;
		expect(Math.abs(out.x - 300)).toBeLessThan(3);
		expect(out.score).toBe(0.9);
	});

	it('marks a point re-thrown ~30 px every frame as unsure (score below 0.3)', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 30; i++) s.apply(bodyAt(300, 200), i / 30);
		let score = 1;
		for (let i = 30; i < 60; i++)
			score = s.apply(bodyAt(300 + 40 * noise(i), 200 + 40 * noise(i + 500)), i / 30).keypoints[0]!
				.score;
		expect(score).toBeLessThan(0.3);
	});

	it('keeps the score of a point that moves fast but smoothly (an arm sweep)', () => {
		const s = new KeypointSmoother();
		let out = s.apply(bodyAt(100, 200), 0).keypoints[0]!;
		// 12 px a frame (360 px/s), accelerating from rest over 5 frames, plus 2 px jitter.
		for (let i = 1; i < 40; i++) {
			const x = 100 + 12 * Math.max(0, i - 2.5) + 2 * noise(i);
			out = s.apply(bodyAt(x, 200 + 2 * noise(i + 99)), i / 30).keypoints[0]!;
			expect(out.score).toBe(0.9);
		}
		expect(out.x).toBeGreaterThan(100 + 12 * 36);
	});

	it('drops a score outside 0..1 and a point far outside the image', () => {
		const s = new KeypointSmoother();
		const b = bodyAt(300, 200);
		const kps = [...b.keypoints];
		kps[1] = { x: 300, y: 200, score: 7 };
		kps[2] = { x: 300 + 2 * 640, y: 200, score: 0.9 };
		kps[3] = { x: -10, y: 500, score: 0.9 }; // just outside: still a measurement
		const out = s.apply({ ...b, keypoints: kps }, 0).keypoints;
		expect(out[1]).toBeNull();
		expect(out[2]).toBeNull();
		expect(out[3]).toEqual({ x: -10, y: expect.closeTo(500, 6), score: 0.9 });
	});

	it('marks a point found in under half the recent frames as unsure', () => {
		const s = new KeypointSmoother();
		for (let i = 0; i < 30; i++) s.apply(bodyAt(300, 200), i / 30);
		let score = 1;
		for (let i = 30; i < 90; i++) {
			const b = bodyAt(300, 200);
			const kps = [...b.keypoints];
			if (i % 3 !== 0) kps[0] = null; // found one frame in three
			score = s.apply({ ...b, keypoints: kps }, i / 30).keypoints[0]?.score ?? score;
		}
		expect(score).toBeLessThan(0.3);
	});

	it('keeps a tracked point whose score dips under 0.3 while it stays put, not a new or a wandering one', () => {
		const s = new KeypointSmoother();
		const ELBOW = KP.left_elbow;
		const at = (x: number, score: number, t: number) => {
			const b = bodyAt(300, 200);
			const kps = [...b.keypoints];
			kps[ELBOW] = { x, y: 290, score };
			return s.apply({ ...b, keypoints: kps }, t).keypoints[ELBOW]!;
		};
		for (let i = 0; i < 30; i++) at(186, 0.9, i / 30);
		// Scores of 0.2-0.28 for 1.5 s (longer than any gap fill), placed within a few px: kept.
		for (let i = 30; i < 75; i++) {
			const k = at(186 + (i % 3), 0.2 + 0.04 * (i % 3), i / 30);
			expect(k.score).toBeGreaterThanOrEqual(0.3);
			expect(Math.abs(k.x - 187)).toBeLessThan(3);
		}
		// The same dip 60 px away from the track is not a continuation: the track does not go there.
		expect(Math.abs(at(250, 0.25, 76 / 30).x - 187)).toBeLessThan(3);
		// A doubt that lasts (no confident reading for over keepSeconds, 2 s): unsure, not used.
		let last = at(187, 0.25, 77 / 30);
		for (let i = 78; i < 120; i++) last = at(187, 0.25, i / 30);
		expect(last.score).toBeLessThan(0.3);
		// A point never seen at 0.3 does not start a track at 0.25.
		const fresh = new KeypointSmoother();
		const b = bodyAt(300, 200);
		const kps = [...b.keypoints];
		kps[ELBOW] = { x: 186, y: 290, score: 0.25 };
		for (let i = 0; i < 10; i++)
			expect(fresh.apply({ ...b, keypoints: kps }, i / 30).keypoints[ELBOW]!.score).toBe(0.25);
	});

	it('puts back a left/right pair the model reads mirrored for a frame', () => {
		const s = new KeypointSmoother();
		const L = KP.left_shoulder;
		const R = KP.right_shoulder;
		const frame = (lx: number, rx: number, t: number) => {
			const b = bodyAt(300, 200);
			const kps = [...b.keypoints];
			kps[L] = { x: lx, y: 105, score: 1 };
			kps[R] = { x: rx, y: 104, score: 1 };
			return s.apply({ ...b, keypoints: kps }, t).keypoints;
		};
		for (let i = 0; i < 30; i++) frame(278, 371, i / 30);
		// Seen from behind, the model swaps them for a few frames (more than the outlier gate
		// holds): the tracks stay where they were.
		let out = frame(278, 371, 1);
		for (let i = 1; i <= 5; i++) {
			out = frame(371, 278, 1 + i / 30);
			expect(out[L]!.x).toBeCloseTo(278, 0);
			expect(out[R]!.x).toBeCloseTo(371, 0);
		}
		// A person who turns round crosses over slowly: the pair follows, never swapped back.
		for (let i = 6; i < 30; i++) out = frame(278, 371, 1 + i / 30);
		for (let i = 1; i <= 60; i++) out = frame(278 + (93 * i) / 60, 371 - (93 * i) / 60, 2 + i / 30);
		for (let i = 61; i < 80; i++) out = frame(371, 278, 2 + i / 30);
		expect(out[L]!.x).toBeGreaterThan(360);
		expect(out[R]!.x).toBeLessThan(290);
	});
});
