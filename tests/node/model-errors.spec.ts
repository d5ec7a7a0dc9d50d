/**
 * Loading failures become ModelLoadErrors a user can act on: a missing file is `missing`, a
 * damaged one `corrupt`, both naming the file. Checked on the two ways models load: from disk
 * (the Node loader) and over HTTP (the browser's path, served here from a loopback server),
 * with real model files copied, truncated or left out in a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEstimator, type PoseEstimator } from '../../src/lib/pose/estimator';
import { ModelLoadError, toModelLoadError } from '../../src/lib/pose/errors';
import {
	expectedWeightBytes,
	getModel,
	MODEL_IDS,
	MODELS,
	parseModelJson,
	type ModelId
} from '../../src/lib/pose/models';
import {
	createNodeEstimator,
	decodeImage,
	DEFAULT_MODEL_DIR,
	initNodeWasm
} from '../../src/lib/pose/node';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
/** Bytes kept of a truncated weight file: a valid prefix, far short of any model. */
const TRUNCATED_BYTES = 1000;

let root: string;
beforeAll(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'scapula-models-'));
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

let dirCount = 0;
/** A fresh folder holding copies of `files` from static/models/, then `edit`ed. */
async function modelDir(files: readonly string[], edit?: (dir: string) => Promise<void>) {
	const dir = path.join(root, `case-${dirCount++}`);
	await mkdir(dir);
	for (const f of files) await copyFile(path.join(DEFAULT_MODEL_DIR, f), path.join(dir, f));
	await edit?.(dir);
	return dir;
}

async function truncate(file: string, bytes: number): Promise<void> {
	const data = await readFile(file);
	await writeFile(file, data.subarray(0, bytes));
}

async function loadError(load: Promise<PoseEstimator>): Promise<ModelLoadError> {
	const result = await load.then(
		(est) => {
			est.dispose();
			return null;
		},
		(err: unknown) => err
	);
	expect(result).toBeInstanceOf(ModelLoadError);
	return result as ModelLoadError;
}

describe('the model files on disk', () => {
	it.each(MODEL_IDS.flatMap((id) => MODELS[id].files.filter((f) => f.endsWith('.json'))))(
		'%s declares exactly the size of its weight file',
		async (file) => {
			const json = parseModelJson(await readFile(path.join(DEFAULT_MODEL_DIR, file), 'utf8'), file);
			const sizes = expectedWeightBytes(json);
			expect(sizes.size).toBeGreaterThan(0);
			for (const [bin, bytes] of sizes) {
				expect((await stat(path.join(DEFAULT_MODEL_DIR, bin))).size).toBe(bytes);
			}
		}
	);
});

describe('loading from disk (Node)', () => {
	const lightning = MODELS['movenet-lightning'].files;

	it('a truncated .bin is corrupt, naming the file and the sizes', async () => {
		const dir = await modelDir(lightning, (d) =>
			truncate(path.join(d, 'movenet-lightning.bin'), TRUNCATED_BYTES)
		);
		const err = await loadError(createNodeEstimator('movenet-lightning', { modelDir: dir }));
		expect(err.kind).toBe('corrupt');
		expect(err.file).toBe('movenet-lightning.bin');
		expect(err.message).toMatch(
			/movenet-lightning\.bin is damaged: it is truncated: 1,000 of 4,650,216 bytes/
		);
		expect(err.message).toContain('npm install');
	});

	it('a truncated .json is corrupt', async () => {
		const dir = await modelDir(lightning, (d) =>
			truncate(path.join(d, 'movenet-lightning.json'), 5000)
		);
		const err = await loadError(createNodeEstimator('movenet-lightning', { modelDir: dir }));
		expect(err.kind).toBe('corrupt');
		expect(err.file).toBe('movenet-lightning.json');
		expect(err.message).toContain('not valid JSON');
	});

	it('a missing .bin is missing', async () => {
		const dir = await modelDir(['movenet-lightning.json']);
		const err = await loadError(createNodeEstimator('movenet-lightning', { modelDir: dir }));
		expect(err.kind).toBe('missing');
		expect(err.file).toBe('movenet-lightning.bin');
		expect(err.message).toMatch(
			/^The pose model file movenet-lightning\.bin could not be found \(no such file: .+\)\. Reinstall with `npm install`/
		);
	});

	it('a missing folder is missing the .json', async () => {
		const err = await loadError(
			createNodeEstimator('movenet-lightning', { modelDir: path.join(root, 'nowhere') })
		);
		expect(err.kind).toBe('missing');
		expect(err.file).toBe('movenet-lightning.json');
	});

	it('BlazePose names the one of its two graphs that is missing', async () => {
		const dir = await modelDir(['blazepose-detector.json', 'blazepose-detector.bin']);
		const err = await loadError(createNodeEstimator('blazepose-lite', { modelDir: dir }));
		expect(err.kind).toBe('missing');
		expect(err.file).toBe('blazepose-lite.json');
	});
});

describe('loading over HTTP (the browser path)', () => {
	let server: Server;
	let base: string;
	/** Responses by path; anything else gets a 404. */
	const routes = new Map<string, { status: number; type: string; body: Uint8Array | string }>();

	beforeAll(async () => {
		await initNodeWasm();
		server = createServer((req, res) => {
			const route = routes.get(req.url ?? '');
			res.writeHead(route?.status ?? 404, { 'content-type': route?.type ?? 'text/plain' });
			res.end(route?.body ?? 'Not found');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	/** Serves the model's real files under /<prefix>/, then applies `edit` to the routes. */
	async function serve(prefix: string, model: ModelId, edit?: () => void): Promise<string> {
		for (const f of MODELS[model].files) {
			routes.set(`/${prefix}/${f}`, {
				status: 200,
				type: f.endsWith('.json') ? 'application/json' : 'application/octet-stream',
				body: await readFile(path.join(DEFAULT_MODEL_DIR, f))
			});
		}
		edit?.();
		return `${base}/${prefix}/`;
	}

	it('loads good files and finds the person in a photo', async () => {
		const url = await serve('good', 'movenet-lightning');
		const est = await createEstimator({ model: 'movenet-lightning', modelBaseUrl: url });
		try {
			const pixels = await decodeImage(MEDIA + 'tfjs_pose.jpg');
			let bodies = await est.estimate(pixels);
			bodies = await est.estimate(pixels);
			expect(bodies).toHaveLength(1);
		} finally {
			est.dispose();
		}
	});

	it('a 404 for the .bin is missing with the status (tfjs alone would decode the 404 page)', async () => {
		const url = await serve('no-bin', 'movenet-lightning', () =>
			routes.delete('/no-bin/movenet-lightning.bin')
		);
		const err = await loadError(createEstimator({ model: 'movenet-lightning', modelBaseUrl: url }));
		expect(err.kind).toBe('missing');
		expect(err.status).toBe(404);
		expect(err.message).toBe(
			'The pose model file movenet-lightning.bin could not be found (HTTP 404). ' +
				'Reinstall with `npm install`, which fetches and verifies the models.'
		);
	});

	it('a 500 for the .json is missing, saying it could not be loaded', async () => {
		const url = await serve('err-json', 'movenet-lightning', () =>
			routes.set('/err-json/movenet-lightning.json', {
				status: 500,
				type: 'text/plain',
				body: 'boom'
			})
		);
		const err = await loadError(createEstimator({ model: 'movenet-lightning', modelBaseUrl: url }));
		expect(err.kind).toBe('missing');
		expect(err.status).toBe(500);
		expect(err.message).toContain('movenet-lightning.json could not be loaded (HTTP 500)');
	});

	it('a web page served in place of a file (SPA fallback) is missing', async () => {
		const url = await serve('spa', 'movenet-lightning', () =>
			routes.set('/spa/movenet-lightning.bin', {
				status: 200,
				type: 'text/html; charset=utf-8',
				body: '<!doctype html><html><body>app</body></html>'
			})
		);
		const err = await loadError(createEstimator({ model: 'movenet-lightning', modelBaseUrl: url }));
		expect(err.kind).toBe('missing');
		expect(err.file).toBe('movenet-lightning.bin');
	});

	it('a truncated .bin is corrupt', async () => {
		const url = await serve('short-bin', 'movenet-lightning', () => {
			const route = routes.get('/short-bin/movenet-lightning.bin')!;
			route.body = (route.body as Uint8Array).subarray(0, TRUNCATED_BYTES);
		});
		const err = await loadError(createEstimator({ model: 'movenet-lightning', modelBaseUrl: url }));
		expect(err.kind).toBe('corrupt');
		expect(err.file).toBe('movenet-lightning.bin');
		expect(err.message).toContain('truncated: 1,000 of 4,650,216 bytes');
	});

	it('a truncated .json is corrupt', async () => {
		const url = await serve('short-json', 'blazepose-lite', () => {
			const route = routes.get('/short-json/blazepose-lite.json')!;
			route.body = (route.body as Uint8Array).subarray(0, 5000);
		});
		const err = await loadError(createEstimator({ model: 'blazepose-lite', modelBaseUrl: url }));
		expect(err.kind).toBe('corrupt');
		expect(err.file).toBe('blazepose-lite.json');
	});
});

describe('toModelLoadError (tfjs messages, for errors our own checks do not catch)', () => {
	const context = { modelName: 'MoveNet Lightning', files: ['a.json', 'a.bin'], backend: 'webgl' };
	it.each([
		[
			'Based on the provided shape, [1,1,24,96], the tensor should have 2304 values but has 282',
			'corrupt'
		],
		['byte length of Uint16Array should be a multiple of 2', 'corrupt'],
		['Failed to parse model JSON of response from /models/a.json.', 'corrupt'],
		['Request to /models/a.json failed with status code 404. Please verify...', 'missing'],
		["ENOENT: no such file or directory, open '/x/a.bin'", 'missing'],
		['Failed to fetch', 'missing'],
		["Backend 'webgl' has not yet been initialized.", 'backend'],
		['Failed to link vertex and fragment shaders.', 'backend'],
		['Something odd', 'unknown']
	] as const)('%s → %s', (message, kind) => {
		const err = toModelLoadError(new Error(message), context);
		expect(err.kind).toBe(kind);
		expect(err.cause).toBeInstanceOf(Error);
	});

	it('keeps the file and status of a tfjs HTTP error', () => {
		const err = toModelLoadError(
			new Error('Request to /models/movenet-lightning.json failed with status code 404. Please'),
			context
		);
		expect(err.file).toBe('movenet-lightning.json');
		expect(err.status).toBe(404);
		expect(err.message).toMatch(
			/^The pose model file movenet-lightning\.json could not be found \(HTTP 404\)/
		);
	});

	it('passes a ModelLoadError through unchanged', () => {
		const original = ModelLoadError.missing('a.bin', 'HTTP 404', { status: 404 });
		expect(toModelLoadError(original, context)).toBe(original);
	});
});

describe('createEstimator option checks (programming errors, not load errors)', () => {
	it('rejects an unknown model, a runtime the model lacks and a threshold outside 0..1', async () => {
		await expect(
			createEstimator({ model: 'posenet' as ModelId, modelBaseUrl: '/models/' })
		).rejects.toThrow(/Unknown pose model "posenet"/);
		await expect(
			createEstimator({
				model: 'movenet-lightning',
				runtime: 'mediapipe',
				modelBaseUrl: '/models/'
			})
		).rejects.toThrow(/MoveNet Lightning cannot run on the mediapipe runtime/);
		await expect(
			createEstimator({ model: 'movenet-lightning', modelBaseUrl: '/models/', minPersonScore: 2 })
		).rejects.toThrow(/minPersonScore/);
		expect(() => getModel('nope')).toThrow(/Known models: movenet-lightning/);
	});

	it('the mediapipe runtime needs a browser page: a backend error in Node', async () => {
		const err = await loadError(
			createEstimator({ model: 'blazepose-lite', runtime: 'mediapipe', modelBaseUrl: '/models/' })
		);
		expect(err.kind).toBe('backend');
	});
});
