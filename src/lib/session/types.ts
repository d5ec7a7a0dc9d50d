/** What a live session needs of a pose model, whichever model and runtime implement it. */
import type { CoachState } from '$lib/engine/types';
import type { Body } from '$lib/pose/keypoints';

/**
 * A loaded pose model: bodies seen in one video frame (the playing video's, or one grabbed from
 * the camera's track: camera/frame-grabber.ts).
 */
export interface EstimatorLike {
	estimate(input: HTMLVideoElement | ImageBitmap, timestampMs?: number): Promise<Body[]>;
	/**
	 * Frames the session may hand over before the first is answered (default 1): 2 where the
	 * estimator reads the frame when called and answers in order (the pose worker).
	 */
	readonly framesInFlight?: number;
	reset(): void;
	dispose(): void;
}

/** The model, runtime and backend chosen in Settings ('auto' backend: probe or remember). */
export interface ModelChoice {
	model: string;
	runtime: string;
	backend: string;
}

export interface LoadedEstimator {
	estimator: EstimatorLike;
	/** The backend actually in use (e.g. 'wasm' after an auto probe). */
	backend: string;
}

/**
 * The one interface through which a set plan or a routine drives a counting session
 * (routines/set-tracker.svelte.ts drives a WorkoutSession through it): the session reports each
 * coach state and counts reset; the plan switches counting, starts a set's counts afresh, says
 * its prompts and stops the session when the dose is done. The session knows nothing of plans.
 */
export interface CountingSession {
	onState(listener: (state: CoachState) => void): () => void;
	say(text: string): void;
	/** Fresh coach counts for a new set (WorkoutSession.resetCoach). */
	resetCoach(): void;
	/** Counting on during a set, off while resting and once the dose is done. */
	setCounting(on: boolean): void;
	/** The dose is done: camera off, the workout saved as finished. */
	stop(): void;
	/** Subscribes to the counts starting over (the plan starts over with them). */
	onCountsReset?(listener: () => void): () => void;
}
