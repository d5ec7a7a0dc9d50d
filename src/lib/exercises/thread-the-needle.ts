import { defineExercise } from '../engine/define';

/**
 * Thread the needle, side view (laptop on the floor), a hold per side: on hands and knees, one
 * arm slides under the body until that shoulder rests down, and the upper back turns.
 *
 * The stretch is a twist about the spine. Side-on, the two shoulders of a body on hands and
 * knees lie one behind the other; the twist stacks them, the threaded one down on the mat and
 * the other above it. That is what we measure: the left shoulder above the right in the picture
 * (`shoulderStack`, torso lengths; ≈ 0 untwisted, ≈ ±0.55 for the stick figure's 45° turn, since
 * shoulders ≈ 0.8 torso lengths apart turned 45° stack ≈ 0.55 apart). In position on a side: the
 * threaded shoulder at least 0.3 torso lengths below the other (a turn of ≈ 22°, three times a
 * shoulder keypoint's wander), with the trunk near level (`trunkRise` −60° to 30°: on the floor,
 * not kneeling up). Sides are named by the threaded arm: "left" is the left arm under the body.
 * The view check measures the shoulder line across the picture for floor moves, so the stacked
 * shoulders are not taken for a front view (metrics/view.ts).
 *
 * Form: the hips stay over the knees (`hipToHeel` > 0.7 torso lengths, as in cat-cow): sunk back
 * toward the heels the twist is a child's pose with a turned head, and the timer waits.
 */
export const threadTheNeedle = defineExercise({
	id: 'thread-the-needle',
	name: 'Thread the needle',
	kind: 'side-hold',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		holdSeconds: 30,
		perSide: true,
		note: 'Sources: 30 s holds, or 1–2 sets of 4–5 slow reaches each side. We time one 30 s hold per side.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Start on hands and knees, hands under shoulders, knees under hips.',
		'Slide one arm under your body along the floor, palm up, until that shoulder and the side of your head rest down.',
		'Let your upper back turn into the stretch and hold, then come back up and switch sides.'
	],
	hold: {
		seconds: 30,
		count: 1,
		sides: {
			left: {
				all: [
					{ metric: 'shoulderStack', op: '<', value: -0.3 },
					{ metric: 'trunkRise', op: 'between', value: [-60, 30] }
				]
			},
			right: {
				all: [
					{ metric: 'shoulderStack', op: '>', value: 0.3 },
					{ metric: 'trunkRise', op: 'between', value: [-60, 30] }
				]
			}
		},
		cue: 'Slide one arm under your body and let that shoulder rest on the mat.'
	},
	rules: [
		{
			id: 'hips-back',
			during: 'active',
			// Hips over the knees keep them a thigh's length (0.85–1.1 torso lengths) above the
			// heels; under 0.7 they have sat back toward the heels (see cat-cow).
			fault: { metric: 'hipToHeel', op: '<', value: 0.7 },
			cue: 'Keep your hips up over your knees.',
			priority: 2,
			minSeconds: 1,
			penalty: 25
		}
	]
});
