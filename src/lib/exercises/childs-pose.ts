import { defineExercise } from '../engine/define';

/**
 * Child's pose, a guided timer. Not camera-checked: folded over the knees with the forehead on
 * the floor, the face and the arms are hidden or foreshortened, and our side-view metrics assume
 * an upright trunk (the facing direction is read from the nose, which points at the floor here).
 * It is a resting position with no form fault a 2D camera could see, so we time it and say so.
 */
export const childsPose = defineExercise({
	id: 'childs-pose',
	name: 'Child’s pose',
	kind: 'hold',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: { sets: 1, holdSeconds: 45, note: 'Sources: 30–60 s. We time one 45 s hold.' },
	instructions: [
		'Kneel on a mat, big toes together, then sit back toward your heels.',
		'Walk your hands forward, arms long, and rest your forehead on the floor.',
		'Let your back widen and soften with each breath until the timer ends.',
		'The camera does not judge this one; if you want it in view, put the laptop on the floor a couple of metres away, side-on.'
	],
	rules: []
});
