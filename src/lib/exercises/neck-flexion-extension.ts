import { defineExercise } from '../engine/define';

/**
 * Neck flexion and extension (nod down, then look up), front or side view, reps. One rep is the
 * chin down to the chest and back up to looking at the ceiling. The rep machine counts a rep
 * only after it has seen the rest end of the range, so a set begins by looking up.
 *
 * Front: the nose's height under the ear line against the person's neutral (`noseDropDelta`,
 * ear widths): chin to chest ≈ +0.5, looking up ≈ −0.55. Enter at +0.3, exit at −0.25.
 * Side: the face angle against neutral (`lookUpDelta`, deg): chin down ≈ −45°, up ≈ +40°.
 * Enter at −25°, exit at +20°. Both gaps are far above keypoint jitter (≈ 0.05 ear widths, 3°).
 */
export const neckFlexionExtension = defineExercise({
	id: 'neck-flexion-extension',
	name: 'Neck nod: down and up',
	kind: 'rep',
	view: 'either',
	cameraChecked: true,
	requires: ['nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'],
	dose: {
		sets: 1,
		reps: 8,
		note: 'Sources give no dose; we suggest 8 slow nods, down and up.'
	},
	instructions: [
		'Sit or stand tall, facing the camera or side-on to it, shoulders relaxed.',
		'Start by looking up toward the ceiling.',
		'Slowly lower your chin toward your chest, then lift your gaze back up to the ceiling: that is one rep.',
		'Move only your head, and stop short of any pinching or pain.'
	],
	baseline: ['noseDrop', 'lookUp', 'trunkLeanForward'],
	repByView: {
		front: {
			metric: 'noseDropDelta',
			direction: 'up',
			enter: 0.3,
			exit: -0.25,
			minSeconds: 2
		},
		side: {
			metric: 'lookUpDelta',
			direction: 'down',
			enter: -25,
			exit: 20,
			minSeconds: 2
		}
	},
	rules: [
		{
			id: 'head-tilting',
			during: 'always',
			// Front view: the head tipping more than 10° toward a shoulder (jitter ≈ 3°).
			fault: { metric: 'neckTilt', op: 'outside', value: [-10, 10] },
			cue: 'Nod straight down and up, without tipping your head to one side.',
			priority: 2,
			penalty: 25
		},
		{
			id: 'trunk-moving',
			during: 'always',
			// Side view: the hip–shoulder line moving more than 8° from upright means the back is
			// bending, not the neck (needs the hips in view).
			fault: { metric: 'trunkLeanForwardDelta', op: 'outside', value: [-8, 8] },
			cue: 'Keep your back still and tall; move only your head.',
			priority: 2,
			penalty: 25
		}
	]
});
