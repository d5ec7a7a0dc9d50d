/**
 * The posture monitor's clock: a timer in a dedicated worker. Browsers throttle timers of a
 * page in a background tab hard (Chrome: to one wake-up a minute after 5 minutes hidden, its
 * "intensive wake-up throttling"), while a dedicated worker's timers keep their pace, and a
 * message from the worker wakes the page. The page asks for one tick at a time (`schedule`),
 * so a slow model run never queues ticks up. Nothing else happens here: no frames, no data.
 */

export type SamplerRequest = { type: 'schedule'; id: number; delayMs: number } | { type: 'cancel' };
export type SamplerTick = { type: 'tick'; id: number };

/** The bits of the worker's global scope used here (typed without the webworker lib). */
const scope = self as unknown as {
	onmessage: ((e: MessageEvent<SamplerRequest>) => void) | null;
	postMessage(message: SamplerTick): void;
};
let timer: ReturnType<typeof setTimeout> | null = null;

scope.onmessage = (e: MessageEvent<SamplerRequest>) => {
	const msg = e.data;
	if (timer !== null) clearTimeout(timer);
	timer = null;
	if (msg.type === 'schedule') {
		const delay = Number.isFinite(msg.delayMs) ? Math.max(0, msg.delayMs) : 1000;
		timer = setTimeout(() => {
			timer = null;
			scope.postMessage({ type: 'tick', id: msg.id } satisfies SamplerTick);
		}, delay);
	}
};
