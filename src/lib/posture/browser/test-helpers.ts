/** Test helpers: a timer the test fires by hand. */
import type { TimerLike } from './sampler';

/** A TimerLike that only records what was scheduled; `take()` hands the tick over (once). */
export function handTimer() {
	let pending: { delay: number; cb: () => void } | null = null;
	const timer: TimerLike = {
		kind: 'page',
		schedule: (delay, cb) => (pending = { delay, cb }),
		cancel: () => (pending = null),
		dispose: () => (pending = null)
	};
	return {
		timer,
		/** The tick scheduled now (its delay, ms), or null. */
		pending: () => pending,
		/** Removes the scheduled tick and returns it, to fire; null when none. */
		take() {
			const p = pending;
			pending = null;
			return p;
		}
	};
}
