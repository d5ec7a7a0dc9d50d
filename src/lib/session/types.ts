/** What a live session needs of a pose model, whichever model and runtime implement it. */
import type { Body } from '$lib/pose/keypoints';

/** A loaded pose model: bodies seen in one video frame. */
export interface EstimatorLike {
	estimate(input: HTMLVideoElement, timestampMs?: number): Promise<Body[]>;
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
