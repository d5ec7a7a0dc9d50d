import { defineExercise } from '../engine/define';

/**
 * Neck flexion and extension (chin down, then look up), side view, reps. One rep is the chin
 * lowered toward the chest and the gaze lifted back up toward the ceiling. Rep signal: the face
 * angle above horizontal, ear → nose (`lookUp`, deg): level gaze ≈ −14° (the nose sits a little
 * below the ear), chin down ≈ −60°, looking up ≈ +25…+45°. Enter at −40°, exit at +5°: both are
 * ≥ 15° from the ends and from neutral, several times the ≈ 4° of smoothed jitter. The rep
 * machine credits a rep only after it has seen the rest end, so a set begins by looking up.
 *
 * Why side only, and why the raw angle rather than a change from the person's neutral: the
 * engine refines a baseline whenever the rep signal is at its rest end, which for this move is
 * "looking up", so a `…Delta` signal would drift toward the look-up angle over a set. From the
 * front the only head-pitch metric is the nose's drop under the ears, whose raw value shifts
 * with the camera's height (a laptop below the face lifts the nose in the image) — fine as a
 * change from baseline, not as an absolute. The side-view face angle barely depends on camera
 * height, so it can be used as it is. A nod under a second past both thresholds is too fast.
 * One wild nose keypoint can swing the angle by 80° for a frame (and completed a rep mid-nod on
 * a generated trace); a 0.15 s low-pass shrinks that to ≈ 16°, inside the hysteresis.
 */
export const neckFlexionExtension = defineExercise({
	id: 'neck-flexion-extension',
	name: 'Neck nod: down and up',
	kind: 'rep',
	view: 'side',
	cameraChecked: true,
	// Range of motion: how far the face looks up at the top of each nod (no target: the rep is
	// judged on the way down).
	measures: [{ id: 'neck-extension' }],
	requires: ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		reps: 8,
		note: 'Sources give no dose; we suggest 8 slow nods, down and up.'
	},
	instructions: [
		'Sit or stand tall side-on to the camera, shoulders relaxed, hips in view.',
		'Start by looking up toward the ceiling.',
		'Slowly lower your chin toward your chest, then lift your gaze back up to the ceiling: that is one rep.',
		'Move only your head, and stop short of any pinching or pain.'
	],
	baseline: ['trunkLeanForward'],
	rep: {
		metric: 'lookUp',
		direction: 'down',
		enter: -40,
		exit: 5,
		minSeconds: 1,
		smoothSeconds: 0.15,
		// A stiff neck's own nod must still get the chin 10° below level gaze (−14°).
		stiffEnter: -25,
		// Each nod starts from the look up: a nod from level gaze down and back is half the move.
		shape: {
			start: { metric: 'lookUp', op: '>', value: 5 },
			cue: 'Start each nod by looking up toward the ceiling, then lower your chin.'
		}
	},
	rules: [
		{
			id: 'trunk-moving',
			during: 'always',
			// The hip–shoulder line moving more than 8° from the person's upright start means the
			// back is bending, not the neck (jitter ≈ 2°).
			fault: { metric: 'trunkLeanForwardDelta', op: 'outside', value: [-8, 8] },
			cue: 'Keep your back still and tall; move only your head.',
			priority: 2,
			penalty: 25
		}
	]
});
