import { describe, expect, it } from 'vitest';
import { EXERCISES, getExercise } from '$lib/exercises';
import { isFloorMove, setupGuide } from './setup-guide';

/** The catalog's floor moves (the shared catalog table ../shared/docs/exercises.md, camera column "floor"). */
const FLOOR = [
	'thoracic-extension-floor',
	'childs-pose',
	'childs-pose-side-stretch',
	'cat-cow',
	'thread-the-needle',
	'upper-back-foam-roll',
	'prone-arm-raise',
	'back-extension-prone',
	'knee-to-chest',
	'peanut-segmental-flexion',
	'iron-cross',
	'chest-fly'
];

describe('setupGuide', () => {
	it('finds the floor moves from their instructions', () => {
		expect(
			EXERCISES.filter(isFloorMove)
				.map((e) => e.id)
				.sort()
		).toEqual([...FLOOR].sort());
	});

	it('puts the laptop on the floor first for a camera-checked floor move', () => {
		const g = setupGuide(getExercise('thoracic-extension-floor')!)!;
		expect(g.floor).toBe(true);
		expect(g.title).toBe('Laptop on the floor');
		expect(g.lines[0]).toMatch(/laptop on the floor about two metres to your side/);
		expect(g.lines[1]).toBe('Turn sideways, left shoulder to the camera. Either side works.');
	});

	it('tells floor timers where the laptop goes, that the camera stays off, and why', () => {
		const g = setupGuide(getExercise('upper-back-foam-roll')!)!;
		expect(g.floor).toBe(true);
		expect(g.lines.join(' ')).toMatch(/on the floor.*camera stays off/);
		expect(g.lines.join(' ')).toMatch(/cannot see where the roller sits under your back/);
		for (const id of ['peanut-segmental-flexion', 'iron-cross']) {
			expect(setupGuide(getExercise(id)!)!.lines.join(' '), id).toMatch(/camera stays off.*: \S/);
		}
	});

	it('tells camera-checked floor moves where the laptop goes and to be seen side-on', () => {
		const g = setupGuide(getExercise('cat-cow')!)!;
		expect(g.floor).toBe(true);
		expect(g.lines[0]).toMatch(/laptop on the floor 2–3 m away, side-on.*whole body/);
		expect(g.lines.join(' ')).toMatch(/Turn sideways/);
		expect(g.lines.join(' ')).not.toMatch(/camera stays off/);
	});

	it('gives the view and distance for standing moves, nothing for standing timers', () => {
		expect(setupGuide(getExercise('wall-angels')!)!.lines).toEqual([
			'Face the camera, shoulders square to the screen.',
			'Stand or sit about 1.5–2 m from the camera, upper body in view.'
		]);
		expect(setupGuide(getExercise('overhead-arm-reach')!)!.lines[0]).toMatch(/either|or turn/i);
		expect(setupGuide(getExercise('neck-roll')!)).toBeNull();
	});
});
