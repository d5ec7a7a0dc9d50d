/**
 * Fetching a model's files ahead of the loader that reads them. The pose worker asks for them
 * while its wasm backend is still compiling (~0.1–0.4 s on 2 cores), instead of after: the two
 * were one after the other, and both lie between opening a workout and its first skeleton.
 */
import { modelFileUrl, type ModelInfo, type ModelJsonLike } from './models';

/**
 * Starts fetching every graph JSON of `info` under `baseUrl`, and each JSON's weight files as
 * soon as it has arrived; returns a fetch that hands each of those requests its response once
 * (and fetches anything else, or a second request, as `baseFetch` would). Responses go to the
 * loader unchanged, errors included, so its checks of status, type and size still apply.
 */
export function prefetchModelFiles(
	info: ModelInfo,
	baseUrl: string,
	baseFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)
): typeof fetch {
	const waiting = new Map<string, Promise<Response>>();
	const start = (url: string) => {
		const response = baseFetch(url);
		// A failed prefetch is reported when the loader asks for the file, not before.
		response.catch(() => {});
		waiting.set(url, response);
		return response;
	};
	for (const file of Object.values(info.graphs) as string[]) {
		const url = modelFileUrl(baseUrl, file);
		void start(url)
			.then((r) => (r.ok ? r.clone().json() : null))
			.then((json: ModelJsonLike | null) => {
				for (const group of json?.weightsManifest ?? []) {
					for (const path of group.paths) start(new URL(path, url).href);
				}
			})
			.catch(() => {
				// Not a model JSON: the loader's own read of it says what is wrong.
			});
	}
	const prefetched = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const response = waiting.get(url);
		if (!response) return baseFetch(input, init);
		waiting.delete(url);
		return response;
	};
	return prefetched as typeof fetch;
}
