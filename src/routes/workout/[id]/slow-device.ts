/**
 * Whether the device is too slow for the skeleton to keep up with the video. The video plays
 * live while each skeleton is drawn from the last frame the model finished, so the skeleton
 * trails the picture by about one frame's processing time. Above SLOW_FRAME_MS that lag is
 * visible (a raised arm's skeleton arrives a beat late), and the person should hear why and
 * what helps: a lighter model or another engine in the settings.
 */
import type { FrameStatsSnapshot } from '$lib/session/stats';

/**
 * Mean whole-frame time (ms) above which the lag shows: 150 ms is about 7 frames/s, where a
 * skeleton visibly trails a normal-speed arm movement. MoveNet Lightning takes 30–45 ms a
 * frame on two CPU cores (../shared/docs/environment.md, outside this repository), so only a really slow device or a heavy model
 * crosses it.
 */
export const SLOW_FRAME_MS = 150;
/** Frames timed before judging: the first ones include warm-up stalls. */
export const MIN_FRAMES = 20;

export function slowDevice(stats: FrameStatsSnapshot): boolean {
	const p = stats.pipelineMs;
	return p.n >= MIN_FRAMES && Number.isFinite(p.mean) && p.mean > SLOW_FRAME_MS;
}
