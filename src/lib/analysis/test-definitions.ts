/**
 * Exercise definitions for tests and the accuracy benchmark only: NOT in the catalog, never
 * offered to users.
 */
import { defineExercise } from '../engine/define';

/**
 * Bodyweight squat as done in `tfjs_pose_squats.mp4` (front view, hands brought together in
 * front of the chest on the way down, arms hanging when standing).
 *
 * The engine has no hip or knee metric, so this counts the ARM motion that goes with each squat
 * in that clip: the wrists rise from hanging (`wristLiftMin` ≈ −1 arm length) to the chest
 * (≈ −0.1) at the bottom. It exercises the real video → pose model → coach path on real footage
 * with a known count; it does not judge squat depth. Measured on the clip with MoveNet
 * Lightning: standing −0.96…−1.00, bottoms −0.07…−0.17 (knee angles from the same keypoints:
 * ≈ 175° standing, 96–108° at the bottoms), so enter at −0.35 and exit at −0.7 leave a wide
 * margin on both sides.
 */
export const squatArmsForward = defineExercise({
	id: 'test-squat-arms-forward',
	name: 'Squat (test only: counted by the arms-forward motion)',
	kind: 'rep',
	view: 'either',
	cameraChecked: true,
	requires: [
		'left_shoulder',
		'right_shoulder',
		'left_elbow',
		'right_elbow',
		'left_wrist',
		'right_wrist'
	],
	dose: { sets: 1, reps: 2, note: 'Test only.' },
	instructions: ['Test only: squat with the hands brought together in front of the chest.'],
	rep: { metric: 'wristLiftMin', direction: 'up', enter: -0.35, exit: -0.7, minSeconds: 1 },
	rules: []
});

export const TEST_DEFINITIONS = [squatArmsForward] as const;
