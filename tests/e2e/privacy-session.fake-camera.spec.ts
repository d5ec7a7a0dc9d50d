/**
 * Privacy and security of the built app, end to end in Chromium with the fake camera:
 *
 * - every request of a whole visit (home, a camera workout, a routine, work mode, history,
 *   settings; the service worker's requests included) stays on the app's own origin;
 * - no Content-Security-Policy violation is reported while all that runs (the policy is the one
 *   svelte.config.js sets, delivered as a <meta http-equiv> tag in every built page);
 * - afterwards nothing in localStorage, sessionStorage, IndexedDB or the Cache Storage holds an
 *   image or a keypoint array: frames are never stored unless the user saves a trace (a download,
 *   tested in trace-save.fake-camera.spec.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { acknowledgeSafety, collectPageErrors } from './helpers';

/** The sources a directive may list: our origin, and what WebAssembly, media and styles need. */
const ALLOWED_SOURCES = new Set([
	"'self'",
	"'none'",
	"'wasm-unsafe-eval'",
	"'unsafe-inline'",
	'blob:',
	'data:',
	'mediastream:'
]);
const PAGES = [
	'/',
	'/workout/overhead-arm-reach',
	'/routines',
	'/routines/build',
	'/routines/play?id=desk-break',
	'/posture',
	'/history',
	'/settings'
];
/** The SPA fallback a static host serves for unknown paths (vite preview does not serve it). */
const FALLBACK = 'build/200.html';

function cspOf(html: string): string | null {
	const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	return m ? m[1]!.replace(/&#39;|&apos;/g, "'") : null;
}

test('every built page carries a CSP meta tag allowing only our origin (plus wasm, media, styles)', async ({
	request
}) => {
	const pages: Array<[string, () => Promise<string>]> = [
		...PAGES.map((path): [string, () => Promise<string>] => [
			path,
			async () => {
				const res = await request.get(path);
				expect(res.ok(), path).toBe(true);
				return res.text();
			}
		]),
		[FALLBACK, async () => readFileSync(FALLBACK, 'utf8')]
	];
	for (const [path, html] of pages) {
		const csp = cspOf(await html());
		expect(csp, `${path} has no CSP meta tag`).not.toBeNull();
		const directives = new Map(
			csp!
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.filter((d) => d[0])
				.map(([name, ...sources]) => [name!, sources] as const)
		);
		expect(directives.get('default-src'), path).toEqual(["'self'"]);
		expect(directives.get('object-src'), path).toEqual(["'none'"]);
		const scripts = directives.get('script-src') ?? [];
		expect(scripts, path).not.toContain("'unsafe-eval'");
		expect(scripts, path).not.toContain("'unsafe-inline'");
		for (const [name, sources] of directives) {
			for (const s of sources) {
				const ok = ALLOWED_SOURCES.has(s) || /^'sha256-[A-Za-z0-9+/=]+'$/.test(s);
				expect(ok, `${path}: ${name} allows ${s}`).toBe(true);
			}
		}
		// Only style-src may be inline (Svelte's style: directives); scripts run from hashes.
		for (const [name, sources] of directives) {
			if (name !== 'style-src')
				expect(sources, `${path}: ${name}`).not.toContain("'unsafe-inline'");
		}
	}
});

interface Dump {
	local: Record<string, string>;
	session: Record<string, string>;
	idb: Record<string, Record<string, unknown[]>>;
	binaries: string[];
	caches: string[];
}

/** Everything the origin has stored, with binary values reported by where they are. */
async function dumpStorage(page: Page): Promise<Dump> {
	return page.evaluate(async () => {
		const binaries: string[] = [];
		const plain = (v: unknown, path: string): unknown => {
			if (v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
				binaries.push(path);
				return '[binary]';
			}
			if (typeof ImageData !== 'undefined' && v instanceof ImageData) {
				binaries.push(path);
				return '[image]';
			}
			if (Array.isArray(v)) return v.map((x, i) => plain(x, `${path}[${i}]`));
			if (v && typeof v === 'object') {
				return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, `${path}.${k}`)]));
			}
			return v;
		};
		const fromStorage = (s: Storage) => {
			const out: Record<string, string> = {};
			for (let i = 0; i < s.length; i++) {
				const k = s.key(i)!;
				out[k] = s.getItem(k) ?? '';
			}
			return out;
		};
		const idb: Dump['idb'] = {};
		for (const info of await indexedDB.databases()) {
			if (!info.name) continue;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open(info.name!);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const stores: Record<string, unknown[]> = {};
			idb[info.name] = stores;
			for (const store of Array.from(db.objectStoreNames)) {
				const all = await new Promise<unknown[]>((resolve, reject) => {
					const req = db.transaction(store).objectStore(store).getAll();
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				});
				stores[store] = all.map((v, i) => plain(v, `${info.name}.${store}[${i}]`));
			}
			db.close();
		}
		const cached: string[] = [];
		if ('caches' in window) {
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const req of await cache.keys()) cached.push(req.url);
			}
		}
		return {
			local: fromStorage(localStorage),
			session: fromStorage(sessionStorage),
			idb,
			binaries,
			caches: cached
		};
	});
}

/** Paths inside `value` that look like a picture or a pose: image data, base64, keypoints. */
function framesIn(value: unknown, path = '', out: string[] = []): string[] {
	if (typeof value === 'string') {
		if (/data:image\/|data:video\//i.test(value)) out.push(`${path}: a data: image`);
		if (/[A-Za-z0-9+/]{2000,}={0,2}/.test(value)) out.push(`${path}: a long base64 run`);
		// Values stored as JSON text (localStorage) are looked into too.
		if (/^[[{]/.test(value.trim())) {
			try {
				framesIn(JSON.parse(value), `${path}(json)`, out);
			} catch {
				// Not JSON.
			}
		}
		return out;
	}
	if (Array.isArray(value)) {
		const points = value.filter(
			(p) =>
				(Array.isArray(p) &&
					p.length >= 2 &&
					p.length <= 3 &&
					p.every((n) => typeof n === 'number')) ||
				(p && typeof p === 'object' && 'x' in p && 'y' in p)
		);
		// A pose is 17 (MoveNet) or 33 (BlazePose) points; a handful of calibration anchors is not.
		if (points.length >= 17) out.push(`${path}: an array of ${points.length} points`);
		value.forEach((v, i) => framesIn(v, `${path}[${i}]`, out));
		return out;
	}
	if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (/^(keypoints|frames|image|pixels|landmarks)$/i.test(k))
				out.push(`${path}.${k}: a "${k}" field`);
			framesIn(v, `${path}.${k}`, out);
		}
	}
	return out;
}

test('a whole visit: nothing leaves the origin, no CSP violation, no frame stored', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(600_000);
	const origin = new URL(baseURL!).origin;
	const errors = collectPageErrors(page);
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	page.on('websocket', (ws) => requests.push(ws.url()));
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
	});
	await context.exposeBinding('__cspViolation', (_source, text: string) => violations.push(text));
	await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
		window.__cspViolation(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));`);

	// Home, then a camera workout with at least one counted rep.
	await page.goto('/');
	await acknowledgeSafety(page);
	await page.goto('/workout/overhead-arm-reach');
	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	await expect
		.poll(async () => Number(await page.getByTestId('rep-count').innerText()), {
			timeout: 120_000,
			intervals: [500]
		})
		.toBeGreaterThanOrEqual(1);
	await page.waitForTimeout(1_500); // the history's throttled save
	await page.getByRole('button', { name: 'Stop camera' }).click();

	// A routine: its first camera item running.
	await page.goto('/routines');
	await page.goto('/routines/play?id=desk-break&dose=short');
	await page.getByTestId('start-routine').click();
	await page.getByTestId('begin-item').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	await page.getByTestId('end-routine').click();

	// Work mode: the camera on and the model running, then paused.
	await page.goto('/posture');
	await page.getByTestId('start').click();
	await expect(page.getByTestId('camera-indicator')).toHaveText('Camera on', { timeout: 60_000 });
	await expect(page.getByTestId('posture-page')).toHaveAttribute(
		'data-phase',
		/needs-calibration|monitoring/,
		{ timeout: 120_000 }
	);
	await page.getByTestId('pause').click();

	await page.goto('/history');
	await expect(page.locator('[data-testid="workout-row"]').first()).toBeVisible();
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	// The model ran in its worker, whose own requests (model files, wasm) are in `requests` too:
	// Playwright reports a dedicated worker's requests with its page's.
	expect(requests).toContainEqual(
		expect.stringMatching(/\/workers\/estimator\.worker-[\w-]+\.js$/)
	);

	// Nothing left the origin.
	const offsite = requests.filter((u) => !(u.startsWith(`${origin}/`) || /^(data|blob):/.test(u)));
	expect(offsite).toEqual([]);
	expect(requests.length).toBeGreaterThan(10);
	expect(violations).toEqual([]);

	// No frame stored anywhere.
	const dump = await dumpStorage(page);
	expect(dump.binaries).toEqual([]);
	expect(framesIn(dump.local, 'localStorage')).toEqual([]);
	expect(framesIn(dump.session, 'sessionStorage')).toEqual([]);
	expect(framesIn(dump.idb, 'indexedDB')).toEqual([]);
	// The history holds the workout as counts and scores.
	const workouts = dump.idb['scapula']?.['workouts'] ?? [];
	expect(workouts.length).toBeGreaterThanOrEqual(1);
	// The service worker caches the app's own files only.
	for (const url of dump.caches) {
		expect(url.startsWith(`${origin}/`), url).toBe(true);
		expect(new URL(url).pathname, url).toMatch(
			/^\/(_app\/|models\/|vendor\/|icons\/|favicon|manifest|$|[a-z-]+(\.html)?$|workout\/|routines\/|history\/)/
		);
	}
	expect(errors).toEqual([]);
});
