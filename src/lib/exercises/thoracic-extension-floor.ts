import { defineExercise } from '../engine/define';

/**
 * Floor thoracic extension, side view (laptop on the floor), hold. Judged like the seated
 * version: sitting on the floor the trunk is upright, so the side-view metrics hold. In
 * position: hands behind the head (wrists within 0.45 torso lengths of the ears) and the trunk
 * leaning back at least 6° from the person's own upright sitting (`trunkLeanForwardDelta`, deg;
 * the stick figure's extension gives ≈ −18°, smoothed noise ≈ ±2°). As in the seated move, a 2D
 * side view sees the hip–shoulder line lean back; it cannot tell upper from lower back apart.
 */
export const thoracicExtensionFloor = defineExercise({
	id: 'thoracic-extension-floor',
	name: 'Floor upper-back extension',
	kind: 'hold',
	view: 'side',
	cameraChecked: true,
	// Range of motion: the trunk line's backward lean held; target: the hold's 6° lean back.
	measures: [{ id: 'trunk-extension', target: { degrees: 6, kind: 'at-least' } }],
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		holdSeconds: 20,
		note: 'Sources: 15–20 s, no count given. We suggest 3 holds of 20 s.'
	},
	instructions: [
		'Stand the laptop on the floor about two metres to your side, so it sees you side-on from head to hips.',
		'Sit on the floor with your legs out straight and lace your hands behind your head, elbows out wide.',
		'Lean back a little and lift your chest, arching your upper back; let your gaze rise slightly.',
		'Hold with easy breaths, then sit upright again.'
	],
	baseline: ['trunkLeanForward'],
	hold: {
		seconds: 20,
		count: 3,
		condition: {
			all: [
				{ metric: 'wristToHead', op: '<', value: 0.45 },
				{ metric: 'trunkLeanForwardDelta', op: '<', value: -6 }
			]
		},
		cue: 'Hands behind your head, then lean back a little and lift your chest.'
	},
	rules: [
		{
			id: 'elbows-forward',
			during: 'active',
			// Elbows wide sit at or behind the ear (≈ −0.07 torso lengths); folded around the face
			// they come ≈ 0.33 ahead. 0.2 sits between with room for ≈ 0.03 of keypoint noise.
			fault: { metric: 'elbowForward', op: '>', value: 0.2 },
			cue: 'Open your elbows wide, out to the sides.',
			priority: 2,
			penalty: 25
		},
		{
			id: 'head-thrown-back',
			during: 'active',
			// The face turned more than 40° above horizontal: the neck, not the chest, is lifting.
			fault: { metric: 'lookUp', op: '>', value: 40 },
			cue: 'Lift from your chest and keep your neck long.',
			priority: 1,
			penalty: 20
		}
	]
});
