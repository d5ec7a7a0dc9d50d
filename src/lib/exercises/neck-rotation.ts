import { defineExercise } from '../engine/define';

/**
 * Neck rotation, front view, a hold per side. In position: the nose off the ear midpoint by more
 * than half an ear width (`headTurn`, ear widths; + = facing the person's left). That is a turn
 * of about 35°: 30° gives ≈ 0.45, 45° ≈ 0.77, a full look over the shoulder (70°) ≈ 2.
 *
 * The common fault, turning the chest along with the head, shows as the shoulder line getting
 * shorter against the torso (`shoulderWidthRatioDelta`, ratio; a 35° chest turn gives ≈ −0.15,
 * a shrug at most −0.1). It needs the hips in view; without them the rule stays silent.
 */
export const neckRotation = defineExercise({
	id: 'neck-rotation',
	name: 'Neck rotation',
	kind: 'side-hold',
	view: 'front',
	cameraChecked: true,
	// Range of motion: the head's turn held, per side; target: the hold's 0.5 ear widths of nose
	// offset, atan(0.5 / 0.7) ≈ 36° (rom/measures.ts NOSE_AHEAD_EAR_WIDTHS).
	measures: [{ id: 'neck-rotation', target: { degrees: 36, kind: 'at-least' } }],
	requires: ['nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'],
	dose: { sets: 1, holdSeconds: 10, perSide: true, note: 'Sources: 10 s each side.' },
	instructions: [
		'Sit or stand tall facing the camera, chin level; if you can, keep your hips in the picture.',
		'Turn your head slowly to look over one shoulder, as far as is comfortable.',
		'Hold, come back to the centre, then turn to the other side. Your shoulders stay facing forward.'
	],
	baseline: ['shoulderWidthRatio'],
	hold: {
		seconds: 10,
		count: 1,
		sides: {
			left: { metric: 'headTurn', op: '>', value: 0.5 },
			right: { metric: 'headTurn', op: '<', value: -0.5 }
		},
		cue: 'Turn your head slowly to look over one shoulder.'
	},
	rules: [
		{
			id: 'shoulders-turning',
			during: 'active',
			// Shoulder width ÷ torso length 0.1 below the person's own square-on ratio (≈ 0.8): the
			// shoulder line ≈ 5 cm shorter, a ≈ 30° chest turn (cos 30° × 0.8 = 0.69). A shrug moves
			// it at most 0.1 (see above).
			fault: { metric: 'shoulderWidthRatioDelta', op: '<', value: -0.1 },
			cue: 'Keep your chest facing forward; turn only your head.',
			priority: 2,
			penalty: 30
		}
	]
});
