import { defineExercise } from '../engine/define';

/**
 * Doorway chest stretch, side view, hold. In position: forearms up on the frame (wrists above
 * the shoulders, `wristLiftMin` > 0 arm lengths; the goal post gives ≈ 0.6) and the body stepped
 * through so the elbows sit behind the ear line (`elbowForward` < −0.15 torso lengths, ≈ 8 cm;
 * standing in the doorway before leaning gives ≈ −0.06, the stretch ≈ −0.32).
 */
export const doorwayStretch = defineExercise({
	id: 'doorway-stretch',
	name: 'Doorway chest stretch',
	kind: 'hold',
	view: 'side',
	cameraChecked: true,
	requires: [
		'nose',
		'left_shoulder',
		'right_shoulder',
		'left_elbow',
		'right_elbow',
		'left_wrist',
		'right_wrist',
		'left_hip',
		'right_hip'
	],
	dose: { sets: 1, holdSeconds: 30, note: 'Sources: 30 s, 2–3 times. We start with 2.' },
	instructions: [
		'Stand in a doorway, side-on to the camera, and place your forearms on the frame with your elbows at shoulder height.',
		'Step one foot through and lean your body forward until you feel a stretch across your chest.',
		'Keep your head over your shoulders and breathe easily while you hold.'
	],
	baseline: ['headForward'],
	hold: {
		seconds: 30,
		count: 2,
		condition: {
			all: [
				{ metric: 'wristLiftMin', op: '>', value: 0 },
				{ metric: 'elbowForward', op: '<', value: -0.15 }
			]
		},
		cue: 'Forearms on the door frame, then step through until your chest opens.'
	},
	rules: [
		{
			id: 'elbows-low',
			during: 'active',
			// Elbow more than 0.15 torso lengths (≈ 8 cm) below its shoulder; the stretch puts it
			// level (≈ +0.04), the sagging fault ≈ −0.34.
			fault: { metric: 'elbowHeightMin', op: '<', value: -0.15 },
			cue: 'Bring your elbows up to shoulder height on the frame.',
			priority: 2,
			penalty: 30
		},
		{
			id: 'head-forward',
			during: 'active',
			// Ear ahead of the shoulder by 0.15 torso lengths more than at the start: the chin pokes
			// forward. Leaning in moves it ≈ 0.05 on its own; held 1 s so drift does not trigger it.
			fault: { metric: 'headForwardDelta', op: '>', value: 0.15 },
			minSeconds: 1,
			cue: 'Draw your chin back so your head stays over your shoulders.',
			priority: 1,
			penalty: 20
		}
	]
});
