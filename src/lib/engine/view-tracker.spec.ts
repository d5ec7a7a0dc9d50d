import { describe, expect, it } from 'vitest';
import { FacingTracker, VIEW_SWITCH_SECONDS } from './view-tracker';

describe('FacingTracker', () => {
	it('takes the first reading at once and ignores short flips', () => {
		const f = new FacingTracker();
		expect(f.update(-1, 0)).toBe(-1);
		// Flipped frames for less than VIEW_SWITCH_SECONDS (keypoint wander): no change.
		for (let t = 0.1; t < VIEW_SWITCH_SECONDS; t += 0.1) expect(f.update(1, t)).toBe(-1);
		expect(f.update(-1, 0.65)).toBe(-1);
	});

	it('follows a turn that lasts', () => {
		const f = new FacingTracker();
		f.update(1, 0);
		let facing: 1 | -1 = 1;
		for (let t = 1; t <= 1 + VIEW_SWITCH_SECONDS + 0.05; t += 1 / 30) facing = f.update(-1, t);
		expect(facing).toBe(-1);
		f.reset();
		expect(f.update(1, 5)).toBe(1);
	});
});
