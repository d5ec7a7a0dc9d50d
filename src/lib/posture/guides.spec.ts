/**
 * The limit lines drawn on the live view must sit where the verdict changes: a head moved onto
 * the line is at its limit (ratio 1), a little short of it is upright, a little past slouched.
 */
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../pose/keypoints';
import * as sim from '../sim';
import { Calibrator, type Calibration } from './calibration';
import { PostureEngine } from './engine';
import { postureFeatures, type PostureFeatures } from './features';
import { postureGuides } from './guides';
import { checkMetrics, readMetrics } from './metrics';
import type { Pt, Sensitivity } from './types';

const SEATED = { distanceM: 1.6, target: { y: 0.95 } };

function calibrated(view: 'front' | 'side'): { cal: Calibration; frame: PoseFrame } {
	const frames = sim.simulate({
		timeline: sim.idle(6, { posture: sim.sittingNeutral, sway: 0.3 }),
		camera: { ...SEATED, view },
		noise: 'none'
	}).frames;
	const c = new Calibrator();
	const e = new PostureEngine({ smooth: false });
	for (const f of frames) c.add(f.t, e.measure(f).features);
	return { cal: c.finish(), frame: frames.at(-1)! };
}

/** The features with the head point moved to `head` (everything else as measured). */
const withHead = (f: PostureFeatures, head: Pt): PostureFeatures => ({
	...f,
	head,
	// Keep the nose where it sits relative to the head, so head-relative metrics do not move.
	nose:
		f.nose && f.head ? { x: f.nose.x + head.x - f.head.x, y: f.nose.y + head.y - f.head.y } : null
});

function worst(cal: Calibration, f: PostureFeatures, s: Sensitivity): number {
	const checks = checkMetrics(readMetrics(f, cal.reference), cal.baseline, cal.reference, s);
	return Math.max(...checks.filter((c) => !c.excused).map((c) => c.ratio));
}

describe('limit guides', () => {
	it.each(['gentle', 'normal', 'strict'] as const)(
		'front, %s: ears on the slouch line are at the limit',
		(s) => {
			const { cal, frame } = calibrated('front');
			const f = postureFeatures(frame.body!);
			const lines = postureGuides(cal, f, s);
			expect(lines.map((l) => l.kind)).toEqual(['calibrated', 'limit']);
			const limit = lines.find((l) => l.kind === 'limit')!;
			expect(limit.y1).toBe(limit.y2);
			expect(limit.y1).toBeGreaterThan(cal.anchor.head.y);
			const head = f.head!;
			expect(worst(cal, withHead(f, { x: head.x, y: limit.y1 - 2 }), s)).toBeLessThan(1);
			expect(worst(cal, withHead(f, { x: head.x, y: limit.y1 + 2 }), s)).toBeGreaterThan(1);
		}
	);

	it('side: an ear past the forward line is slouched, behind it is not', () => {
		const { cal, frame } = calibrated('side');
		const f = postureFeatures(frame.body!);
		const lines = postureGuides(cal, f, 'normal');
		const forward = lines.find((l) => l.kind === 'limit' && l.x1 === l.x2)!;
		const drop = lines.find((l) => l.kind === 'limit' && l.y1 === l.y2)!;
		expect(forward).toBeDefined();
		expect(drop).toBeDefined();
		const facing = cal.reference.facing;
		const head = f.head!;
		expect(
			worst(cal, withHead(f, { x: forward.x1 - 3 * facing, y: head.y }), 'normal')
		).toBeLessThan(1);
		expect(
			worst(cal, withHead(f, { x: forward.x1 + 3 * facing, y: head.y }), 'normal')
		).toBeGreaterThan(1);
		expect(worst(cal, withHead(f, { x: head.x, y: drop.y1 + 3 }), 'normal')).toBeGreaterThan(1);
	});

	it('no limit lines without the shoulders; every number finite', () => {
		const { cal, frame } = calibrated('side');
		const f = postureFeatures(frame.body!);
		const none = postureGuides(cal, { ...f, shoulder: null, head: null }, 'normal');
		expect(none.filter((l) => l.kind === 'limit' && l.x1 === l.x2)).toEqual([]);
		for (const l of postureGuides(cal, f, 'strict')) {
			for (const v of [l.x1, l.y1, l.x2, l.y2]) expect(Number.isFinite(v)).toBe(true);
		}
	});
});
