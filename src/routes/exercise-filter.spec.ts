import { describe, expect, it } from 'vitest';
import { EXERCISES, getExercise } from '$lib/exercises';
import { filterExercises, kindOf, NO_FILTER, placeOf } from './exercise-filter';

const place = (id: string) => placeOf(getExercise(id)!);

describe('exercise filters', () => {
	it('places moves by their instructions', () => {
		expect(place('shoulder-shrug')).toBe('desk');
		expect(place('thoracic-extension-seated')).toBe('desk');
		expect(place('wall-angels')).toBe('standing');
		expect(place('doorway-stretch')).toBe('standing');
		expect(place('thoracic-extension-floor')).toBe('floor');
		expect(place('childs-pose')).toBe('floor');
		expect(place('knee-to-chest')).toBe('floor');
		expect(place('chest-fly')).toBe('floor');
	});

	it('every move of the catalog lands in exactly one place, and each place has moves', () => {
		const counts = { desk: 0, standing: 0, floor: 0 };
		for (const e of EXERCISES) counts[placeOf(e)]++;
		expect(counts.desk + counts.standing + counts.floor).toBe(EXERCISES.length);
		expect(Math.min(counts.desk, counts.standing, counts.floor)).toBeGreaterThan(0);
	});

	it('no filter keeps the whole catalog; filters combine with "and"', () => {
		expect(filterExercises(EXERCISES, NO_FILTER)).toHaveLength(EXERCISES.length);
		const deskReps = filterExercises(EXERCISES, { place: 'desk', kind: 'rep', camera: 'checked' });
		expect(deskReps.map((e) => e.id)).toContain('shoulder-shrug');
		for (const e of deskReps) {
			expect(placeOf(e)).toBe('desk');
			expect(kindOf(e)).toBe('rep');
			expect(e.cameraChecked).toBe(true);
		}
		const timers = filterExercises(EXERCISES, { ...NO_FILTER, camera: 'timer' });
		expect(timers.every((e) => !e.cameraChecked)).toBe(true);
		expect(timers.length).toBe(EXERCISES.filter((e) => !e.cameraChecked).length);
	});
});
