import { defineExercise } from '../engine/define';

/**
 * Prone back extension, a guided timer. Not camera-checked: the lift is a few centimetres from
 * lying flat, about the size of keypoint jitter for a body seen whole from two metres, and a
 * lying body is outside what our upright-trunk metrics and the simulator cover.
 */
export const backExtensionProne = defineExercise({
	id: 'back-extension-prone',
	name: 'Prone back extension',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 1,
		reps: 12,
		holdSeconds: 45,
		note: 'Sources: 10–15 reps, each held 1 s. We time 45 s, about 12 slow reps.'
	},
	instructions: [
		'Lie face down with your forehead resting on your stacked hands.',
		'Lift your head, upper back and shoulders a few centimetres, keeping your gaze on the floor; hold one second.',
		'Lower gently and repeat at an easy pace until the timer ends.',
		'The camera does not judge this one; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
