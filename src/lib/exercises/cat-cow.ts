import { defineExercise } from '../engine/define';

/**
 * Cat-cow, a guided timer. Not camera-checked, though a side camera sees the person well: the
 * move is the curve of the spine, and no keypoint lies between the shoulders and the hips, so the
 * rounding and arching themselves are invisible. The head does nod with each cycle, but on hands
 * and knees the face points at the floor and our face-angle and facing metrics flip sign
 * (measured on the stick figure: neutral −76°, cow −44°, cat −16°, not in order), so counting
 * nods would miscount. We time a set of slow cycles instead.
 */
export const catCow = defineExercise({
	id: 'cat-cow',
	name: 'Cat-cow',
	kind: 'timed',
	view: 'side',
	cameraChecked: false,
	requires: [],
	dose: {
		sets: 1,
		reps: 12,
		holdSeconds: 60,
		note: 'Sources: 10–15 cycles. We time 60 s, about 12 slow cycles at your breathing pace.'
	},
	instructions: [
		'Come onto hands and knees: hands under shoulders, knees under hips.',
		'Breathing in, let your belly sink and lift your chest and gaze (cow).',
		'Breathing out, round your back up toward the ceiling and let your head hang (cat).',
		'Flow between the two until the timer ends; the laptop can sit on the floor a couple of metres away, side-on.'
	],
	rules: []
});
