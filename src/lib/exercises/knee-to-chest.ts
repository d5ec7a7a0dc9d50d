import { defineExercise } from '../engine/define';

/**
 * Knee to chest, side view (laptop on the floor), a hold per side: lying on the back, one knee
 * hugged to the chest while the other foot stays on the floor.
 *
 * Side-on, each leg's hip angle is plain to see: the interior angle shoulder → hip → knee
 * (`hipAngleLeft` / `hipAngleRight`, deg) is ≈ 130–140° with the knees bent and the feet flat,
 * ≈ 45–60° with a knee hugged in. In position on a side: that hip under 80° (a knee drawn well
 * past upright, 90°, toward the chest) with the knee above the hip (`kneeHeight…` > 0.2 torso
 * lengths, ≈ 10 cm: lying on the back the knee points at the ceiling; folded in child's pose the hip
 * angle is as small, ≈ 20–30° on a real clip, but the knee is under the hip, ≈ −0.4), while the
 * body lies flat (trunk line within 25° of level, `trunkRise`; this also keeps out a seated knee
 * hug, where the trunk is upright). Sides
 * are named by the hugged knee. A side holds whatever the other leg does, so both knees drawn
 * in together hold both sides: the coach times the side with fewer holds done, one after the
 * other.
 *
 * Form: the head and shoulders stay down. The head curled more than 20° above the trunk line
 * (`headLift`, deg; resting ≈ 0 ± 8 with keypoint wander) for over a second is the neck
 * pulling, not the arms.
 */
export const kneeToChest = defineExercise({
	id: 'knee-to-chest',
	name: 'Knee to chest',
	kind: 'side-hold',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee'],
	dose: {
		sets: 1,
		holdSeconds: 20,
		perSide: true,
		note: 'Sources give no dose; we suggest one 20 s hold each side.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Lie on your back with your knees bent and feet flat.',
		'Hug one knee toward your chest with both hands, the other foot on the floor; hold and breathe.',
		'Lower it and hug the other knee, or draw both knees in together: that times each side in turn.'
	],
	hold: {
		seconds: 20,
		count: 1,
		sides: {
			left: {
				all: [
					{ metric: 'hipAngleLeft', op: '<', value: 80 },
					{ metric: 'kneeHeightLeft', op: '>', value: 0.2 },
					{ metric: 'trunkRise', op: 'between', value: [-25, 25] }
				]
			},
			right: {
				all: [
					{ metric: 'hipAngleRight', op: '<', value: 80 },
					{ metric: 'kneeHeightRight', op: '>', value: 0.2 },
					{ metric: 'trunkRise', op: 'between', value: [-25, 25] }
				]
			}
		},
		cue: 'Lying on your back, hug one knee in toward your chest.'
	},
	rules: [
		{
			id: 'head-up',
			during: 'active',
			// The head curled 20° above the trunk line, over twice its resting wander (see above).
			fault: { metric: 'headLift', op: '>', value: 20 },
			cue: 'Rest your head on the floor; let your arms draw the knee in.',
			priority: 2,
			minSeconds: 1,
			penalty: 20
		}
	]
});
