import { defineExercise } from '../engine/define';

/**
 * Wall stretch (hands on a wall, hinge forward until the back is flat), side view, hold. With
 * the trunk near horizontal and the face toward the floor, which way the person faces cannot be
 * read from the nose, so signed side metrics flip; this definition only uses sign-free ones:
 * how far the hip–shoulder line is from vertical either way (`trunkLeanForward` outside ±45°;
 * the stick figure's hinge gives 75°), the arms in line with the trunk (`armRaiseMin` > 130°,
 * measured from the hip direction; 170° in the stretch, 90° standing at the wall) and the elbows.
 */
export const wallStretch = defineExercise({
	id: 'wall-stretch',
	name: 'Wall stretch',
	kind: 'hold',
	view: 'side',
	cameraChecked: true,
	// Range of motion: each arm's angle held overhead; target: the hold's 130°.
	measures: [{ id: 'shoulder-elevation', target: { degrees: 130, kind: 'at-least' } }],
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
	dose: {
		sets: 1,
		holdSeconds: 30,
		note: 'Sources name this stretch without a dose; we suggest 2 holds of 30 s.'
	},
	instructions: [
		'Stand side-on to the camera, an arm’s length from a wall, and put your hands on it at shoulder height.',
		'Walk your feet back and hinge at the hips, letting your chest sink toward the floor until your back is flat and your arms are straight.',
		'Keep your head between your arms, hold, then walk back in to stand up.'
	],
	hold: {
		seconds: 30,
		count: 2,
		condition: {
			all: [
				{ metric: 'trunkLeanForward', op: 'outside', value: [-45, 45] },
				{ metric: 'armRaiseMin', op: '>', value: 130 }
			]
		},
		cue: 'Hands on the wall, then step back and hinge forward until your back is flat.'
	},
	rules: [
		{
			id: 'bent-arms',
			during: 'active',
			// Elbows under 140° (straight ≈ 175°, bent ≈ 110°): the chest cannot sink.
			fault: { metric: 'elbowAngleMin', op: '<', value: 140 },
			cue: 'Straighten your arms and let your chest sink toward the floor.',
			priority: 2,
			penalty: 30
		}
	]
});
