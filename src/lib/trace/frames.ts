/**
 * Pose frames read from a trace, as the analyser and the app's replay feed them to the coach. Pure.
 */
import type { Keypoint, PoseFrame } from '../pose/keypoints';

/**
 * Keypoints with score 0 become `null`. A pose trace has no way to leave a keypoint out, so
 * writers put `[0, 0, 0]` there (our own `writeTrace` and the simulator's `toTraceJson` do);
 * read back, that is a point at the image corner. Nothing judges a score-0 point, but the
 * keypoint smoother would glide through (0, 0) before the point came back, and on generated
 * traces with dropped wrists that faked reps (160 reaches counted as 187). A real model's
 * low-score points keep their place; only the "not given" marker goes.
 *
 * Frames without such keypoints are returned as they are (no copying).
 */
export function dropUnscoredKeypoints(frames: PoseFrame[]): PoseFrame[] {
	for (let i = 0; i < frames.length; i++) {
		const f = frames[i]!;
		const kps = f.body?.keypoints;
		if (!kps || !kps.some((k) => k !== null && k.score <= 0)) continue;
		frames[i] = {
			t: f.t,
			body: {
				...f.body!,
				keypoints: kps.map((k): Keypoint | null => (k && k.score > 0 ? k : null))
			}
		};
	}
	return frames;
}
