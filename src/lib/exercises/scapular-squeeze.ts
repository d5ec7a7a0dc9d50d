import { defineExercise } from '../engine/define';

/**
 * Shoulder-blade squeeze, rep with a 5 s hold, judged from the side or from behind.
 *
 * From the SIDE the shoulder girdle moves
 * back relative to the hips (`girdleForward`: both shoulders and elbows against both hips,
 * score-weighted, torso lengths; a firm squeeze moves it ≈ 0.10–0.11, a 60 % one ≈ 0.065).
 * Single frames cannot tell a firm squeeze from a 60 % one under heavy noise
 * (≈ 0.03–0.05 wander), but the 5 s hold can: a rep starts at −0.06 and counts only if its mean
 * over the hold reaches −0.075 (`holdMean`, chosen on the generated benchmark between the two
 * means); exit at −0.035, with a 0.3 s low-pass on the signal.
 */
/**
 * A squeeze is done with the arms hanging (both upper arms within 35° of the trunk, mean of the
 * two). Pulling one arm across the chest also narrows the shoulder line, and must not count.
 */
const armsHanging = {
	during: { metric: 'armRaise', op: '<', value: 35 },
	cue: 'Let both arms hang by your sides, then draw your shoulder blades together.'
} as const;

/** Seen from the side: the shoulder girdle moves back relative to the hips (see above). */
const sideSqueeze = {
	metric: 'girdleForwardDelta',
	direction: 'down',
	enter: -0.06,
	exit: -0.035,
	holdMean: -0.075,
	rangeCue: 'Draw your shoulder blades further back and together.',
	minSeconds: 1,
	holdSeconds: 5,
	holdCue: 'Hold the squeeze for 5 seconds before you let go.',
	smoothSeconds: 0.3,
	shape: armsHanging
} as const;

/**
 * Seen from behind (or the front): the shoulders draw in, so the shoulder line gets shorter
 * against the person's own resting shoulder line (`shoulderWidthLogDelta`, ln(width ÷ resting
 * width): −0.05 is 5 % narrower, ≈ 2 cm on a 40 cm adult shoulder width). A real person seated
 * with their back to the camera, three squeezes held ≈ 2 s, narrowed it by 7 % (BlazePose Full)
 * to 10–11 % (MoveNet Lightning and Thunder). The shoulders' own width is the yardstick, not the
 * hanging upper arm: the models disagree on the arm while the shoulder blades draw together
 * (MoveNet sees it 4–9 % longer, BlazePose 4 % shorter), so shoulder width ÷ upper arm fell 0.17
 * on MoveNet but only 0.05 on BlazePose, which then counted none. The hips are no yardstick
 * either: they are so often under the frame's edge. Not the elbows: they swing out for ≈ 0.3 s
 * as a squeeze starts and ends, which set their rest position too wide and broke the still hold.
 * Enter at −0.05, exit at −0.035, with a 0.5 s low-pass: over simulated idle minutes (realistic
 * keypoint noise, swaying) this counted 10 squeezes in 30 minutes where the arm ratio at −0.1
 * counted 13, and the same ratio at −0.05 counted 33. Every squeeze is judged against `enter`,
 * not the person's own range (wander-sized wobbles are consistent).
 */
const backSqueeze = {
	metric: 'shoulderWidthLogDelta',
	direction: 'down',
	enter: -0.05,
	exit: -0.035,
	rangeCue: 'Draw your shoulder blades further back and together.',
	minSeconds: 1,
	holdSeconds: 5,
	holdCue: 'Hold the squeeze for 5 seconds before you let go.',
	smoothSeconds: 0.5,
	fixedRange: true,
	// Held still: a squeeze draws the shoulders in and keeps them there, a shoulder roll only
	// passes through (the line narrows once a circle, ≈ 2.4 s), and a real set of backward rolls
	// seen from behind stayed past `enter` for up to 7 s at a time and counted as 2–4 squeezes.
	// Within 30 % of the rep's depth of its deepest, real squeezes held ≈ 2 s stayed there
	// 1.7–2.0 s in one stretch (MoveNet Lightning and Thunder), the rolls' circles 0.5–1.1 s;
	// the stretch must last the shortest hold that counts (1.5 s). Not from the side: its
	// `holdMean` already judges the hold, and the side signal's keypoint wander under the
	// generated heavy noise broke the stretch of 11–12 in 81 generated cases a seed.
	holdStill: 0.3,
	holdStillCue:
		'Hold the squeeze still: draw your shoulder blades together and keep them there, without rolling your shoulders.',
	// The hold is timed from −0.04 on, so a squeeze held 2 s is timed 2 s, not just its deepest part.
	stiffEnter: -0.04,
	shape: armsHanging
} as const;

export const scapularSqueeze = defineExercise({
	id: 'scapular-squeeze',
	name: 'Shoulder-blade squeeze',
	kind: 'rep',
	view: 'either',
	cameraChecked: true,
	// Range of motion, side-on only: the shoulders drawn back as the collarbone's turn; target:
	// the side view's `enter` (0.06 torso lengths), asin(0.06 / 0.385) ≈ 9°.
	measures: [{ id: 'scapular-retraction', target: { degrees: 9, kind: 'at-least' } }],
	requires: ['left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow'],
	dose: { sets: 2, reps: 10, holdSeconds: 5, note: 'Sources: hold 5 s, 10–15 reps, 2–3 sets.' },
	instructions: [
		'Sit or stand tall with your arms relaxed by your sides.',
		'Draw your shoulder blades back and together, as if holding a pencil between them.',
		'Hold for 5 seconds, then relax fully.',
		'Turn your back or your side to the camera, elbows in view: the squeeze shows best from there.'
	],
	baseline: ['girdleForward', 'shoulderWidthLog', 'earShoulderGap'],
	repByView: { side: sideSqueeze, front: backSqueeze },
	rules: [
		{
			id: 'shrug',
			during: 'active',
			// The ear–shoulder gap 0.07 torso lengths (≈ 3.5 cm) under the person's own: about half
			// a full shrug (0.12–0.15), more than a squeeze itself closes it (≈ 0.05 from behind).
			fault: { metric: 'earShoulderGapDelta', op: '<', value: -0.07 },
			cue: 'Squeeze back and down, not up toward your ears.',
			priority: 3,
			penalty: 35
		},
		{
			id: 'arms-lifting',
			during: 'active',
			// Both upper arms more than 40° from the trunk: 5° past the arms-hanging shape (35°),
			// so the cue comes before the rep is refused.
			fault: { metric: 'armRaiseMin', op: '>', value: 40 },
			cue: 'Let your arms hang relaxed; the work is between your shoulder blades.',
			priority: 1,
			penalty: 15
		}
	]
});
