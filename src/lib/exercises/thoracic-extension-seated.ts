import { defineExercise } from '../engine/define';

/**
 * Seated thoracic extension, side view, hold. In position: hands behind the head (wrists
 * within 0.45 torso lengths of the ears) and the trunk arched back at least 6° from the
 * person's own upright sitting (`trunkLeanForwardDelta`, deg). A 2D side view cannot tell the
 * upper from the lower back apart; we judge the arch of the hip–shoulder line and say so.
 */
export const thoracicExtensionSeated = defineExercise({
	id: 'thoracic-extension-seated',
	name: 'Seated upper-back extension',
	kind: 'hold',
	view: 'side',
	cameraChecked: true,
	// Range of motion: the trunk line's backward lean held; target: the hold's 6° lean back.
	measures: [{ id: 'trunk-extension', target: { degrees: 6, kind: 'at-least' } }],
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: { sets: 1, holdSeconds: 20, note: 'Sources: 15–30 s, 3 times. We use 3 holds of 20 s.' },
	instructions: [
		'Sit tall near the front of a chair, feet flat, side-on to the camera.',
		'Lace your hands behind your head with your elbows pointing out to the sides.',
		'Lift your chest and gently arch your upper back, looking slightly up.',
		'Hold, breathing easily, then come back to upright.'
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
		cue: 'Hands behind your head, then lift your chest and arch your upper back.'
	},
	rules: [
		{
			id: 'elbows-forward',
			during: 'active',
			// Holds pause on a fault, so a fault must last 0.8 s: noise must not stall the timer.
			minSeconds: 0.8,
			// Elbows 0.3 torso lengths (≈ 15 cm) ahead of the ear: they point forward instead of out
			// to the sides (wide ≈ −0.07, folded around the face ≈ 0.33; see the floor version).
			fault: { metric: 'elbowForward', op: '>', value: 0.3 },
			cue: 'Open your elbows wide, pointing out to the sides.',
			priority: 2,
			penalty: 25
		},
		{
			id: 'head-thrown-back',
			during: 'active',
			// Holds pause on a fault, so a fault must last 0.8 s: noise must not stall the timer.
			minSeconds: 0.8,
			// The face turned more than 40° above horizontal: the neck, not the chest, is lifting.
			fault: { metric: 'lookUp', op: '>', value: 40 },
			cue: 'Lift from your chest; keep your neck long rather than tipping your head back.',
			priority: 1,
			penalty: 20
		}
	]
});
