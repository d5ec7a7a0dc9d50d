/**
 * A camera workout's pose model, started while the page itself is still loading. The page asks
 * for its model as it mounts (`LiveSession.preload`), but by then the worker's script, the wasm
 * and the weights have ~1 s of work ahead of them on a laptop without a GPU; begun from the
 * client hook instead, that work runs beside the page's own loading, and the page's load adopts
 * the worker (pose/worker-spawn.ts).
 *
 * Only where the page would load the same model the same way at once: a camera-checked
 * exercise, the safety note already acknowledged (the page waits for that too), and a model that
 * runs in a worker without a backend probe (session/model-plan.ts). Anything else is left to the
 * page, as before.
 */
import { getExercise } from '$lib/exercises';
import { startPoseWorkerEarly } from '$lib/pose/worker-spawn';
import { inferenceMode, plannedWorkerLoad } from '$lib/session/model-plan';
import { appSettings } from './app-settings';

/** The exercise id of a workout page's path (`/workout/<id>`), else null. */
export function workoutIdOf(pathname: string): string | null {
	const m = /^\/workout\/([^/]+)\/?$/.exec(pathname);
	return m ? decodeURIComponent(m[1]!) : null;
}

export async function startModelEarly(location: { pathname: string; search: string }) {
	const id = workoutIdOf(location.pathname);
	if (!id || !getExercise(id)?.cameraChecked) return;
	const settings = appSettings();
	if (!settings.safetyAcknowledged) return;
	// No candidates: where "Automatic" has no remembered winner yet, the page times the backends
	// (and may pick a GPU one, which stays on the page); nothing to start early then.
	const planned = await plannedWorkerLoad(
		settings.modelChoice,
		inferenceMode(location.search),
		() => []
	);
	if (planned) startPoseWorkerEarly(planned.load);
}
