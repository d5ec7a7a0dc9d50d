import { describe, expect, it } from 'vitest';
import { prefetchModelFiles } from './model-prefetch';
import { getModel } from './models';

const BASE = 'http://app/models/';

/** A fetch over a fixed set of files that records each request, in order. */
function fakeServer(files: Record<string, string | number>) {
	const asked: string[] = [];
	const fetch = (async (input: RequestInfo | URL) => {
		const url = String(input);
		asked.push(url);
		const body = files[url];
		if (body === undefined) return new Response('<html>not here</html>', { status: 404 });
		return typeof body === 'number'
			? new Response(new Uint8Array(body))
			: new Response(body, { headers: { 'content-type': 'application/json' } });
	}) as typeof globalThis.fetch;
	return { fetch, asked };
}

const lightningJson = JSON.stringify({
	modelTopology: {},
	weightsManifest: [{ paths: ['movenet-lightning.bin'], weights: [] }]
});

describe('prefetchModelFiles', () => {
	it('asks for the graph JSON and then its weights before the loader does', async () => {
		const server = fakeServer({
			[`${BASE}movenet-lightning.json`]: lightningJson,
			[`${BASE}movenet-lightning.bin`]: 16
		});
		prefetchModelFiles(getModel('movenet-lightning'), BASE, server.fetch);
		await new Promise((r) => setTimeout(r, 0));
		expect(server.asked).toEqual([`${BASE}movenet-lightning.json`, `${BASE}movenet-lightning.bin`]);
	});

	it('hands each prefetched file to the loader once, then fetches it again if asked again', async () => {
		const server = fakeServer({
			[`${BASE}movenet-lightning.json`]: lightningJson,
			[`${BASE}movenet-lightning.bin`]: 16
		});
		const fetchModel = prefetchModelFiles(getModel('movenet-lightning'), BASE, server.fetch);
		await new Promise((r) => setTimeout(r, 0));
		const json = await (await fetchModel(`${BASE}movenet-lightning.json`)).json();
		expect(json.weightsManifest[0].paths).toEqual(['movenet-lightning.bin']);
		expect(
			(await (await fetchModel(`${BASE}movenet-lightning.bin`)).arrayBuffer()).byteLength
		).toBe(16);
		expect(server.asked).toHaveLength(2);
		await fetchModel(`${BASE}movenet-lightning.bin`);
		expect(server.asked).toHaveLength(3);
	});

	it('passes a missing file through as the server answered, for the loader to report', async () => {
		const server = fakeServer({});
		const fetchModel = prefetchModelFiles(getModel('movenet-lightning'), BASE, server.fetch);
		const response = await fetchModel(`${BASE}movenet-lightning.json`);
		expect(response.status).toBe(404);
		expect(server.asked).toEqual([`${BASE}movenet-lightning.json`]);
	});

	it('prefetches both graphs of a two-graph model (BlazePose: detector and landmarks)', async () => {
		const server = fakeServer({});
		prefetchModelFiles(getModel('blazepose-full'), BASE, server.fetch);
		expect(server.asked.sort()).toEqual([
			`${BASE}blazepose-detector.json`,
			`${BASE}blazepose-full.json`
		]);
	});
});
