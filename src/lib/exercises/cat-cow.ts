import { defineExercise } from '../engine/define';

/**
 * Cat-cow, side view, counted in cycles: each cycle is a cow (chest and gaze lifted, belly
 * sinking) and a cat (back rounded up, head hanging).
 *
 * No keypoint lies between the shoulders and the hips, so the curve of the spine itself is
 * invisible; the head follows it, though, and that is what we count. Rep signal: the head
 * against the trunk line (`headLift`, deg: the neck, shoulder → ear, from the line hip →
 * shoulder carried on; + lifted, − hanging). It needs no facing direction, which the nose
 * cannot give on hands and knees (the face points at the floor). A cow lifts the head 30–60°
 * above the trunk line, a cat lets it hang 50–90° below. A cycle counts when the head hangs
 * 30° below the line (enter) and comes back to within 10° of it (exit): 30° is far past the
 * neck's ≈ 15° of rest-position sway and keypoint jitter. Each cycle must start from a cow:
 * the head at least 10° above the line before it drops, so nodding from a level back does not
 * count. A cycle under 2 s is too fast for the breath it follows.
 *
 * Form: on hands and knees the hips stay over the knees, a thigh's length above the heels
 * (`hipToHeel` 0.85–1.1 torso lengths); under 0.7 they went back toward the heels (the way into
 * child's pose), and a cycle done there does not count. The trunk line stays near level (0–15°,
 * shoulders a little higher on longer arms); 35° above means the person is kneeling up.
 */
export const catCow = defineExercise({
	id: 'cat-cow',
	name: 'Cat-cow',
	kind: 'rep',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		reps: 10,
		note: 'Sources: 10–15 cycles at your breathing pace. We suggest 10.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Come onto hands and knees: hands under shoulders, knees under hips.',
		'Breathing in, let your belly sink and lift your chest and gaze (cow).',
		'Breathing out, round your back up toward the ceiling and let your head hang (cat): cow and cat make one cycle.'
	],
	rep: {
		metric: 'headLift',
		direction: 'down',
		enter: -30,
		exit: -10,
		minSeconds: 2,
		smoothSeconds: 0.15,
		// A stiff neck's own cat must still drop the head 20° below the trunk line.
		stiffEnter: -20,
		shape: {
			start: { metric: 'headLift', op: '>', value: 10 },
			// On hands and knees: the hips a thigh's length above the heels (see the rules).
			during: { metric: 'hipToHeel', op: '>', value: 0.7 },
			cue: 'Start each cycle in the cow: chest forward, gaze up, then round into the cat.'
		}
	},
	rules: [
		{
			id: 'hips-back',
			during: 'always',
			// Hips over the knees keep them a thigh's length (0.85–1.1 torso lengths) above the
			// heels; under 0.7 they have sat back toward the heels, the way into child's pose.
			fault: { metric: 'hipToHeel', op: '<', value: 0.7 },
			cue: 'Keep your hips over your knees; stay on hands and knees.',
			priority: 2,
			minSeconds: 1,
			penalty: 25
		},
		{
			id: 'kneeling-up',
			during: 'always',
			// The trunk line 35° above level: kneeling up. On hands and knees it stays within 0–15°
			// (the shoulders a little higher on longer arms).
			fault: { metric: 'trunkRise', op: '>', value: 35 },
			cue: 'Bring your hands to the floor under your shoulders.',
			priority: 3,
			minSeconds: 1,
			penalty: 25
		}
	]
});
