/**
 * The README example of the simulator, kept runnable: five wall-angel reps in a front view,
 * with realistic pose-model noise, after the person walks in.
 */
import { describe, expect, it } from 'vitest';
import {
	makeCamera,
	repeat,
	sequence,
	setupWalkIn,
	simulate,
	toTraceJson,
	wallAngelHigh,
	wallAngelLow,
	withSway
} from './index';

describe('usage example', () => {
	it('generates five wall-angel reps with noise and ground truth', () => {
		const reps = repeat(5, {
			from: wallAngelLow,
			to: wallAngelHigh,
			upSeconds: 1.5,
			holdSeconds: 0.5,
			downSeconds: 1.5,
			restSeconds: 0.8,
			variability: { timing: 0.1, depth: 0.03, seed: 7 }
		});
		const timeline = sequence(
			setupWalkIn(5, { posture: wallAngelLow }),
			withSway(reps, { seed: 7 })
		);
		const { frames, events } = simulate({
			timeline,
			camera: makeCamera({ view: 'front' }),
			noise: 'realistic',
			fps: 30,
			seed: 42
		});
		const trace = toTraceJson(frames, { fps: 30 });

		expect(events.filter((e) => e.type === 'rep-end')).toHaveLength(5);
		expect(events.find((e) => e.type === 'rep-start')!.t).toBeCloseTo(5, 9);
		expect(frames.length).toBe(Math.floor(timeline.duration * 30 + 1e-9) + 1);
		expect(trace.frames.length).toBe(frames.length);
	});
});
