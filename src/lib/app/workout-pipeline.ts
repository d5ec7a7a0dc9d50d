/**
 * Wires the real browser dependencies into a WorkoutSession: camera, pose estimator, person
 * tracking, the Coach and speech. The one place that knows which modules implement them.
 */
import { browserMediaDevices, listCameras, openCamera } from '$lib/camera/camera-source';
import { Coach } from '$lib/engine/coach';
import type { ExerciseDefinition } from '$lib/engine/types';
import { pickPerson } from '$lib/pose/tracking';
import { describeModelError, fallback, loadEstimator } from '$lib/session/estimator';
import { WorkoutSession, type WorkoutDeps } from '$lib/session/workout.svelte';
import { Speaker } from '$lib/speech/speaker';
import type { Announcer } from '$lib/session/announcer.svelte';
import { recordWithProblems } from './recording';
import type { Settings } from './settings.svelte';

export function createWorkoutSession(
	exercise: ExerciseDefinition,
	settings: Settings,
	options: {
		routineId?: string;
		/** A page's shared announcer (a routine's player): absent, the session speaks on its own. */
		announcer?: Announcer;
	} = {}
): WorkoutSession {
	const devices = browserMediaDevices();
	const deps: WorkoutDeps = {
		createCoach: (def) => new Coach(def),
		loadEstimator: (choice, onProgress) => loadEstimator(choice, onProgress),
		pickPerson: (bodies, previous) => pickPerson(bodies, previous),
		describeModelError,
		openCamera: (deviceId) => openCamera({ deviceId, devices }),
		listCameras: () => listCameras(devices),
		onDevicesChanged: (listener) => {
			if (!devices) return () => {};
			devices.addEventListener('devicechange', listener);
			return () => devices.removeEventListener('devicechange', listener);
		},
		...(options.announcer
			? { announcer: options.announcer }
			: { speaker: new Speaker({ volume: settings.volume }) }),
		now: () => performance.now(),
		// The history: counts, scores and cues saved as the workout goes (never frames).
		recordWorkout: (exerciseId, onSaveProblem) =>
			recordWithProblems(exerciseId, { onProblem: onSaveProblem, routineId: options.routineId }),
		fallback,
		onVisibilityChange(listener) {
			if (typeof document === 'undefined') return () => {};
			const onChange = () => listener(document.visibilityState === 'hidden');
			document.addEventListener('visibilitychange', onChange);
			return () => document.removeEventListener('visibilitychange', onChange);
		}
	};
	const session = new WorkoutSession(exercise, settings.modelChoice, deps);
	session.setMuted(settings.muted);
	return session;
}
