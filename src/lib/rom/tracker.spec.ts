import { describe, expect, it } from 'vitest';
import { describeLast, robustPeak, RomTracker, type RomEntry } from './tracker';
import type { Metrics } from '../metrics/body-metrics';
import type { CoachEvent } from '../engine/types';

describe('robustPeak', () => {
	const at30fps = (values: number[]) => values.map((v, i) => ({ t: i / 30, v }));

	it('ignores a one-frame spike but keeps a top held for 0.3 s', () => {
		const values = [...Array(30).fill(100), 180, ...Array(30).fill(100)];
		expect(robustPeak(at30fps(values))).toBe(100);
		const held = [...Array(30).fill(100), ...Array(10).fill(150), ...Array(30).fill(100)];
		expect(robustPeak(at30fps(held))).toBe(150);
	});

	it('counts a rep’s first frames, yet not a spike on its first frame', () => {
		// A browser at a few frames a second: the top is in the rep's first three frames.
		const slow = [
			{ t: 0, v: 155 },
			{ t: 0.13, v: 152 },
			{ t: 0.27, v: 147 },
			{ t: 0.61, v: 33 },
			{ t: 0.74, v: 19 },
			{ t: 0.99, v: 11 }
		];
		expect(robustPeak(slow)).toBeGreaterThanOrEqual(147);
		expect(robustPeak(slow)).toBeLessThanOrEqual(155);
		expect(robustPeak(at30fps([180, ...Array(30).fill(100)]))).toBe(100);
	});

	it('reads a rep shorter than its window by its median', () => {
		expect(robustPeak(at30fps([10, 20, 30]))).toBe(20);
	});
});

describe('describeLast', () => {
	const e = (measure: RomEntry['measure'], side: RomEntry['side'], degrees: number): RomEntry => ({
		t: 3,
		measure,
		side,
		degrees
	});

	it('names each side and the target, as the issue writes it', () => {
		const lines = describeLast(
			[
				{ id: 'shoulder-elevation', target: { degrees: 155, kind: 'at-least' } },
				{ id: 'elbow-angle' }
			],
			[
				e('shoulder-elevation', 'left', 161.6),
				e('shoulder-elevation', 'right', 158.2),
				e('elbow-angle', 'left', 150)
			]
		);
		expect(lines).toEqual([
			'Shoulder elevation: left arm 162°, right 158° (target ≥ 155°)',
			'Elbow angle: left elbow 150°'
		]);
	});

	it('writes an unsided measure and a limit', () => {
		expect(
			describeLast(
				[{ id: 'side-bend', target: { degrees: 10, kind: 'at-most' } }],
				[e('side-bend', 'right', 4.4)]
			)
		).toEqual(['Trunk side bend: to the right 4° (target ≤ 10°)']);
		expect(describeLast([{ id: 'trunk-extension' }], [e('trunk-extension', null, 12.4)])).toEqual([
			'Trunk extension: 12°'
		]);
	});
});

describe('RomTracker', () => {
	it('measures a rep counted seconds after it ended on that rep’s own frames', () => {
		// One rep leaning back 20° from 1 s to 2 s, then upright; the coach counts it at 6 s (as
		// a rep short of the written range is, once three agree: engine/own-range.ts).
		const tracker = new RomTracker({ measures: [{ id: 'trunk-extension' }] });
		let entries: RomEntry[] = [];
		for (let i = 0; i <= 200; i++) {
			const t = i / 30;
			const active = t >= 1.1 && t < 2.1;
			const events: CoachEvent[] =
				i === 180 ? [{ type: 'rep', t, count: 1, score: 90, durationSeconds: 1 }] : [];
			const metrics = { trunkLeanForward: t >= 1 && t < 2 ? -20 : 0 } as unknown as Metrics;
			entries = [
				...entries,
				...tracker.add({ t, metrics, body: null, phase: active ? 'active' : 'rest', events })
			];
		}
		expect(entries).toEqual([{ t: 6, measure: 'trunk-extension', side: null, degrees: 20 }]);
	});
});
