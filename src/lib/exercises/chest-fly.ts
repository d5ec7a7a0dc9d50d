import { defineExercise } from '../engine/define';

/**
 * Chest fly on an exercise ball, a guided timer. Not camera-checked: lying face up on a ball
 * the trunk is near horizontal, which our upright-trunk metrics cannot read, and the simulator
 * cannot pose it, so any check would go untested.
 */
export const chestFly = defineExercise({
	id: 'chest-fly',
	name: 'Chest fly on a ball',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 2,
		reps: 10,
		holdSeconds: 45,
		note: 'Sources: 2–3 sets of 10–12. We time 45 s per set, about 10 slow reps.'
	},
	instructions: [
		'Lie with your upper back on an exercise ball, feet flat, hips level with your knees, a light weight in each hand.',
		'Open your arms wide to the sides with the elbows slightly bent.',
		'Bring the weights together over your chest in a wide arc, then lower them slowly back out.'
	],
	rules: []
});
