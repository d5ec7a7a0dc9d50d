import { defineExercise } from '../engine/define';

/**
 * Prone back extension, side view, reps: lying face down, the head, chest and shoulders lift a
 * few centimetres off the floor and lower again.
 *
 * Rep signal: the trunk line (near hip → near shoulder) above the horizontal (`trunkRise`, deg),
 * as a change from the person's own lying position (`trunkRiseDelta`). Lying flat the shoulder
 * joint already sits a few degrees above the hip joint (the chest is deeper than the pelvis), and
 * where a model puts those joints differs by a few degrees too, so the raw angle cannot be
 * compared between people; the change can. The move is a lift of "a few centimetres": the
 * shoulder joint rising 4 cm over a ≈ 50 cm trunk turns the trunk line ≈ 4.5°. Enter at 4.5°,
 * exit at 1.5°: the trunk line is the longest line on the body, so its smoothed jitter is
 * ≈ 1°. A stiff back's own lift must still reach 3° (≈ 2.5 cm), three times that jitter. The baseline is learned from
 * the swing of the reps (`restFromReps`: the top is held still, the floor is the low side) and
 * refined while the person lies at rest, so it follows the floor, not the lift.
 *
 * The hold at the top is short (sources: about one second) and a real person's is often half
 * that, so a rep under 1.2 s in all (lift, hold, lower) raises the tempo cue rather than going
 * uncounted. The model runs on a lying body: `horizontal` lets the engine judge it.
 */
export const backExtensionProne = defineExercise({
	id: 'back-extension-prone',
	name: 'Prone back extension',
	kind: 'rep',
	view: 'side',
	horizontal: true,
	cameraChecked: true,
	requires: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'],
	dose: {
		sets: 1,
		reps: 12,
		note: 'Sources: 10–15 reps, each held 1 s. We suggest 12.'
	},
	instructions: [
		'Put the laptop on the floor 2–3 m away, side-on to you, so your whole body is in view.',
		'Lie face down with your forehead resting on your stacked hands.',
		'Lift your head, upper back and shoulders a few centimetres, keeping your gaze on the floor; hold one second.',
		'Lower gently: that is one rep.'
	],
	baseline: ['trunkRise'],
	rep: {
		metric: 'trunkRiseDelta',
		direction: 'up',
		enter: 4.5,
		exit: 1.5,
		stiffEnter: 3,
		minSeconds: 1.2,
		smoothSeconds: 0.15,
		// The top of a lift is held still: only the swing of the reps tells where the floor is.
		restFromReps: true
	},
	rules: [
		{
			id: 'neck-cranked',
			during: 'active',
			// The head lifted more than 30° above the trunk line: the neck arches back to look
			// ahead instead of the upper back lifting (both models place a relaxed head within
			// ≈ ±20° of that line in a lift).
			fault: { metric: 'headLift', op: '>', value: 30 },
			cue: 'Keep your gaze on the floor; lift with your upper back, not your neck.',
			priority: 2,
			minSeconds: 0.4,
			penalty: 20
		},
		{
			id: 'too-high',
			during: 'active',
			// A 25° rise of the trunk line lifts the chest ≈ 20 cm: the low back is cranking, which
			// this gentle move is not about.
			fault: { metric: 'trunkRiseDelta', op: '>', value: 25 },
			cue: 'Lift only a few centimetres; keep it gentle for your low back.',
			priority: 3,
			minSeconds: 0.3,
			penalty: 25
		}
	]
});
