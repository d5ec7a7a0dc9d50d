import { defineExercise } from '../engine/define';

/**
 * Standing side (lat) stretch, front view, a hold per side. Sides are named by the way the body
 * leans: "left" is leaning to the person's left with the RIGHT arm overhead (stretching the right
 * flank). In position: the trunk leaning at least 8° (`trunkLeanSide`, deg; the stick figure's
 * stretch gives 20°, sway ≈ 2°) with the other arm raised above 120° (`armRaise…`, deg).
 */
export const latSideStretch = defineExercise({
	id: 'lat-side-stretch',
	name: 'Standing side stretch',
	kind: 'side-hold',
	view: 'front',
	cameraChecked: true,
	// Range of motion: the trunk's side bend held, per side; target: the hold's 8°.
	measures: [{ id: 'side-bend', target: { degrees: 8, kind: 'at-least' } }],
	requires: [
		'left_shoulder',
		'right_shoulder',
		'left_elbow',
		'right_elbow',
		'left_wrist',
		'right_wrist',
		'left_hip',
		'right_hip'
	],
	dose: { sets: 1, holdSeconds: 20, perSide: true, note: 'Sources: 15–20 s each side.' },
	instructions: [
		'Stand facing the camera with your feet shoulder-width apart, far enough back that your raised hand stays in view.',
		'Reach one arm up overhead, then lean your upper body to the opposite side.',
		'Feel the stretch along the raised side, hold, then switch arms and lean the other way.'
	],
	hold: {
		seconds: 20,
		count: 1,
		sides: {
			left: {
				all: [
					{ metric: 'trunkLeanSide', op: '>', value: 8 },
					{ metric: 'armRaiseRight', op: '>', value: 120 }
				]
			},
			right: {
				all: [
					{ metric: 'trunkLeanSide', op: '<', value: -8 },
					{ metric: 'armRaiseLeft', op: '>', value: 120 }
				]
			}
		},
		cue: 'Reach one arm overhead and lean to the other side.'
	},
	rules: [
		{
			id: 'bent-arm',
			during: 'active',
			// The overhead arm's elbow under 140° (straight ≈ 165–180°, a folded arm ≈ 100°).
			fault: {
				any: [
					{
						all: [
							{ metric: 'trunkLeanSide', op: '>', value: 0 },
							{ metric: 'elbowAngleRight', op: '<', value: 140 }
						]
					},
					{
						all: [
							{ metric: 'trunkLeanSide', op: '<', value: 0 },
							{ metric: 'elbowAngleLeft', op: '<', value: 140 }
						]
					}
				]
			},
			cue: 'Straighten the raised arm and reach long through your fingers.',
			priority: 2,
			penalty: 25
		}
	]
});
