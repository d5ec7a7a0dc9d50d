import { defineExercise } from '../engine/define';

/**
 * Cross-body shoulder stretch, front view, a hold per side. Sides are named by the arm being
 * stretched. In position: that wrist carried past the body's midline toward the other side by
 * more than 0.15 torso lengths (≈ 8 cm; `wristAcross…`; straight across the chest ≈ +0.44,
 * hanging at its own side ≈ −0.46), which no other arm position gives.
 */
const acrossLeft = { metric: 'wristAcrossLeft', op: '>', value: 0.15 } as const;
const acrossRight = { metric: 'wristAcrossRight', op: '>', value: 0.15 } as const;

export const crossbodyShoulderStretch = defineExercise({
	id: 'crossbody-shoulder-stretch',
	name: 'Cross-body shoulder stretch',
	kind: 'side-hold',
	view: 'front',
	cameraChecked: true,
	// Not the wrists: the hand that draws the arm in is often hidden behind it (a real person's was
	// for 10 s of an 11 s hold, and the whole hold went untimed as "I can't see your wrist"). The
	// stretched arm's wrist is read by the hold condition itself; unseen, that side is not in
	// position.
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow'],
	dose: { sets: 1, holdSeconds: 30, perSide: true, note: 'Sources: 30 s each side.' },
	instructions: [
		'Sit or stand tall facing the camera.',
		'Bring one straight arm across your chest and hook the other hand or forearm just above its elbow.',
		'Draw the arm gently closer until the back of the shoulder stretches; keep both shoulders down.',
		'Hold, then change arms.'
	],
	hold: {
		seconds: 30,
		count: 1,
		sides: { left: acrossLeft, right: acrossRight },
		cue: 'Bring one arm across your chest and draw it in with the other hand.'
	},
	rules: [
		{
			id: 'shoulder-hiking',
			during: 'active',
			// The stretched side's shoulder raised: the shoulder line tilts more than 18° from level
			// toward it (deg, + = left higher; a hike well past how people hold the stretch).
			fault: {
				any: [
					{ all: [acrossLeft, { metric: 'shoulderTilt', op: '>', value: 18 }] },
					{ all: [acrossRight, { metric: 'shoulderTilt', op: '<', value: -18 }] }
				]
			},
			// 18°, not a few: with the arm pulled across at chest height the shoulder keypoint
			// (on the deltoid) rides up with the arm. A physiotherapist demonstrating the stretch
			// on video held it at 8–12° (MoveNet) and 3–7° (BlazePose), and passed 15° only while
			// moving into position; a second's persistence leaves those moments out.
			minSeconds: 1,
			// Cued and scored, but the hold's clock runs on: the stretch still works with the
			// shoulder a little raised, and a front camera cannot tell a hike from the keypoint
			// riding along the arm. On the same physiotherapist's correct hold, MoveNet Thunder read
			// 20–26° toward the right arm (its other shoulder keypoint sank with the hand holding
			// the elbow) and moved the left arm's shoulder keypoint 0.35 shoulder widths toward the
			// ear (a full shrug is ≈ 0.18); stopping the clock there timed 12.8 s of a 20 s hold.
			pausesHold: false,
			cue: 'Let the shoulder of the stretched arm sink away from your ear.',
			priority: 2,
			penalty: 30
		},
		{
			id: 'arm-low',
			during: 'active',
			// The stretched arm's elbow more than 0.3 torso lengths (≈ 15 cm) below its shoulder: the
			// arm has slid down toward the belly, where the stretch fades. At chest height ≈ 0.
			fault: {
				any: [
					{ all: [acrossLeft, { metric: 'elbowHeightLeft', op: '<', value: -0.3 }] },
					{ all: [acrossRight, { metric: 'elbowHeightRight', op: '<', value: -0.3 }] }
				]
			},
			cue: 'Lift the stretched arm to chest height.',
			priority: 1,
			penalty: 20
		}
	]
});
