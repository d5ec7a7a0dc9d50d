/**
 * The camera view and body scale of a head-and-shoulders close-up, the way a laptop camera sees
 * a person at a desk: the hips are under the frame, and the model's guesses for them (outside
 * the picture) must not be used.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import { seen, type Body } from '../pose/keypoints';
import { computeMetrics } from './body-metrics';
import { detectView } from './view';

/** 1.2 m away, aimed at the face: head to upper chest in a 640×360 frame. */
const CLOSE_UP = { distanceM: 1.2, width: 640, height: 360, target: { y: 1.45 } } as const;

function frame(p: sim.Posture, view: sim.ViewAngle = 'front'): Body {
	const { frames } = sim.simulate({
		timeline: sim.hold(p, 0.1),
		camera: { ...CLOSE_UP, view }
	});
	return frames[0]!.body!;
}

describe('view and scale with the hips out of frame', () => {
	it('the hips are out of the picture (the premise)', () => {
		const b = frame(sim.standingNeutral);
		expect(seen(b, 'left_hip')).toBeNull();
		expect(seen(b, 'right_hip')).toBeNull();
	});

	it.each([
		['facing the camera', sim.standingNeutral],
		['head turned far left', sim.neckTurnLeft],
		['head turned far right', sim.neckTurnRight],
		['shrugging', sim.shrugUp]
	])('%s reads as a front view', (_, p) => {
		expect(detectView(frame(p)).view).toBe('front');
	});

	it('side-on reads as a side view, with a body scale from the upper arm', () => {
		const b = frame(sim.standingNeutral, 'side');
		const reading = detectView(b);
		expect(reading.view).toBe('side');
		const m = computeMetrics(b, reading);
		// A 1.75 m adult's torso is 0.504 m; a 60° lens 640 px wide has a 554 px focal length,
		// so at 1.2 m the torso spans ≈ 233 px. Within 15 %.
		const torsoPx = 0.504 * (320 / Math.tan(Math.PI / 6) / 1.2);
		expect(m.scalePx).toBeGreaterThan(torsoPx * 0.85);
		expect(m.scalePx).toBeLessThan(torsoPx * 1.15);
	});
});

describe('seen', () => {
	it('ignores a confident keypoint outside the picture', () => {
		const at = (y: number): Body => ({
			width: 640,
			height: 360,
			keypoints: [{ x: 320, y, score: 0.99 }, ...Array(16).fill(null)]
		});
		expect(seen(at(383), 'nose')).toBeNull();
		expect(seen(at(359), 'nose')).not.toBeNull();
	});
});
