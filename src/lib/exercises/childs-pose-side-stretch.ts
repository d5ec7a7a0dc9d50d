import { defineExercise } from '../engine/define';

/**
 * Child's pose side stretch, a guided timer per side. Not camera-checked: with the trunk folded
 * toward the camera and the hands on the floor, the side bend is foreshortened almost to nothing
 * in a front view, and the face is hidden; no metric we have measures it honestly.
 */
export const childsPoseSideStretch = defineExercise({
	id: 'childs-pose-side-stretch',
	name: 'Child’s pose side stretch',
	kind: 'hold',
	view: 'front',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 2,
		holdSeconds: 20,
		perSide: true,
		note: 'Sources: 20 s each side, 2–3 times. We time 2 rounds.'
	},
	instructions: [
		'Settle into child’s pose: knees on the mat, hips back toward your heels, arms long in front.',
		'Walk both hands over to one side until you feel the opposite flank open; hold.',
		'Walk the hands back through the middle and over to the other side; hold.',
		'The camera does not judge this one; if you want it in view, put the laptop on the floor a couple of metres in front of you.'
	],
	rules: []
});
