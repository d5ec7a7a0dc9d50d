import { describe, expect, it } from 'vitest';
import { describeLast, robustPeak, type RomEntry } from './tracker';

describe('robustPeak', () => {
	const at30fps = (values: number[]) => values.map((v, i) => ({ t: i / 30, v }));

	it('ignores a one-frame spike but keeps a top held for 0.3 s', () => {
		const values = [...Array(30).fill(100), 180, ...Array(30).fill(100)];
		expect(robustPeak(at30fps(values))).toBe(100);
		const held = [...Array(30).fill(100), ...Array(10).fill(150), ...Array(30).fill(100)];
		expect(robustPeak(at30fps(held))).toBe(150);
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
