import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises';
import type { Body } from '../pose/keypoints';
import { NotCountedTracker, QUIET_SECONDS, type NotCountedInput } from './not-counted';

const def = getExercise('shoulder-shrug')!;

/** A front-facing upper body whose wrists are at `wristY` px (arms moving when it changes). */
function body(wristY: number): Body {
	const kp = (x: number, y: number) => ({ x, y, score: 0.9 });
	const keypoints = [
		kp(320, 100), // nose
		kp(330, 90),
		kp(310, 90),
		kp(345, 100),
		kp(295, 100),
		kp(390, 180), // shoulders
		kp(250, 180),
		kp(400, 260), // elbows
		kp(240, 260),
		kp(410, wristY), // wrists
		kp(230, wristY),
		null,
		null,
		null,
		null,
		null,
		null
	];
	return { keypoints, width: 640, height: 480 };
}

function run(
	tracker: NotCountedTracker,
	seconds: number,
	at: (t: number) => Partial<NotCountedInput>,
	from = 0
) {
	const out: Array<{ t: number; reason: string }> = [];
	for (let i = 0; i <= seconds * 30; i++) {
		const t = from + i / 30;
		const why = tracker.update({
			t,
			body: body(330),
			scalePx: 180,
			setup: null,
			calibrating: false,
			repProgress: 0,
			repActive: false,
			...at(t)
		});
		if (why) out.push({ t, reason: why.reason });
	}
	return out;
}

/** Wrists swinging 120 px up and down once a second: clearly moving. */
const waving = (t: number) => ({ body: body(330 - 60 - 60 * Math.sin(2 * Math.PI * t)) });

describe('NotCountedTracker', () => {
	it('says nothing while the person stands still', () => {
		expect(run(new NotCountedTracker(def), 20, () => ({}))).toEqual([]);
	});

	it('says why after the person has moved for a while with nothing counted', () => {
		const out = run(new NotCountedTracker(def), 12, waving);
		expect(out.length).toBeGreaterThanOrEqual(1);
		expect(out.length).toBeLessThanOrEqual(2);
		expect(out[0]!.t).toBeGreaterThanOrEqual(QUIET_SECONDS);
		// The rep signal never moved: another movement than the exercise.
		expect(out[0]!.reason).toBe('different-move');
	});

	it('gives the last failed attempt as the reason', () => {
		const tracker = new NotCountedTracker(def);
		tracker.failure('not-far-enough', 'Lift higher.', 0);
		expect(run(tracker, 8, waving)[0]?.reason).toBe('not-far-enough');
	});

	it('names a missing body part from the setup check, and asks for stillness to learn the rest', () => {
		const issue = {
			id: 'not-fully-visible' as const,
			message: 'I can’t see your ears.',
			blocking: true
		};
		expect(run(new NotCountedTracker(def), 8, () => ({ setup: issue }))[0]?.reason).toBe(
			'body-part-missing'
		);
		expect(
			run(new NotCountedTracker(def), 8, (t) => ({ ...waving(t), calibrating: true }))[0]?.reason
		).toBe('hold-still');
	});

	it('stays quiet while something counts', () => {
		const tracker = new NotCountedTracker(def);
		const out = run(tracker, 20, (t) => {
			if (Math.round(t * 30) % 60 === 0) tracker.progress(t);
			return waving(t);
		});
		expect(out).toEqual([]);
	});
});
