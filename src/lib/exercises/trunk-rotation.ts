import { defineExercise } from '../engine/define';

/**
 * Trunk rotation, front view, reps. Seen from the front, turning the chest shortens the shoulder
 * line by the cosine of the turn while the torso keeps its length, so the rep signal is the
 * shoulder-width/torso ratio against the person's own square-on ratio
 * (`shoulderWidthRatioDelta`, ratio; ≈ 0.8 square on, so −0.11 at 30°, −0.23 at 45°).
 *
 * The ratio of two short distances is noisy: keypoint drift moves it by ≈ ±0.03, and the
 * baseline, a median of under a second, can start off by twice that. Enter at −0.14 and exit at
 * −0.08 leave ≈ 0.08 of room on both sides for a 45° turn; on generated traces that counted
 * every turn seated about 1.6 m from the laptop, while from 3 m (whole body in view) the same
 * noise is twice as large against the body and counting failed — so the instructions ask for the
 * seated, closer framing. A 0.3 s low-pass smooths the signal further.
 *
 * Limits, said plainly: the front view cannot tell a turn to the left from one to the right, so
 * we count turns, not sides; turns under ≈ 40° are not reliably counted, and past ≈ 50° the
 * shoulders look too narrow to call it a front view, so the instructions ask for about 45°.
 */
export const trunkRotation = defineExercise({
	id: 'trunk-rotation',
	name: 'Trunk rotation',
	kind: 'rep',
	view: 'front',
	// From behind, a backward shoulder roll narrows the shoulder line by 15–18 % each circle, as
	// a 35–40° turn does: MoveNet Thunder counted 7 turns in a real roll clip filmed from behind.
	facesCamera: true,
	cameraChecked: true,
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		reps: 20,
		note: 'Sources give no dose; we suggest 10 turns to each side, alternating (20 turns), as a warm-up.'
	},
	instructions: [
		'Sit tall on a stool or chair edge facing the camera, about one and a half metres away, with your hips in view and your arms relaxed.',
		'Keeping your hips still, turn your chest about halfway (45°) toward one side, then come back to face the camera.',
		'Alternate sides, moving slowly and staying upright.'
	],
	baseline: ['shoulderWidthRatio'],
	rep: {
		metric: 'shoulderWidthRatioDelta',
		direction: 'down',
		enter: -0.14,
		exit: -0.08,
		minSeconds: 0.8,
		smoothSeconds: 0.3
	},
	rules: [
		{
			id: 'side-lean',
			during: 'always',
			// Hip–shoulder line tilting more than 10° sideways (deg; sway ≈ 2°).
			fault: { metric: 'trunkLeanSide', op: 'outside', value: [-10, 10] },
			cue: 'Stay tall as you turn, without leaning to the side.',
			priority: 2,
			penalty: 25
		}
	]
});
