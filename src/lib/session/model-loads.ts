/**
 * Pose-model loads under way on this page. Work that can wait, above all installing the offline
 * copy of the app (app/offline-install.ts), waits for them: on a first visit that install
 * downloads and stores ~10 MB, the default model's weights among them, and run at the same time
 * it made the first skeleton 1–2 s later (3.6–4.5 s against 2.4–2.5 s without it, 2 cores).
 */
const inFlight = new Set<Promise<unknown>>();
let waiting: (() => void)[] = [];

/** Counts `load` as under way until it settles, either way. */
export function trackModelLoad(load: Promise<unknown>): void {
	inFlight.add(load);
	const settle = () => {
		inFlight.delete(load);
		if (inFlight.size > 0) return;
		const done = waiting;
		waiting = [];
		for (const resolve of done) resolve();
	};
	load.then(settle, settle);
}

/** Resolves once no model load is under way (at once when none is). */
export function modelLoadsSettled(): Promise<void> {
	if (inFlight.size === 0) return Promise.resolve();
	return new Promise((resolve) => waiting.push(resolve));
}
