/**
 * A small static file server for the benchmark: serves a copy of the built app (adapter-static
 * output) the way a static host does: `/history` → `history.html`, unknown paths → the SPA
 * fallback `200.html`, ETag revalidation (304) for everything and a year's cache for
 * `/_app/immutable/`. Its own server (not `vite preview`) so the benchmark can serve a private
 * copy of the build plus its own pages, and a rebuild by someone else mid-run changes nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
	'.tflite': 'application/octet-stream',
	'.binarypb': 'application/octet-stream',
	'.data': 'application/octet-stream',
	'.txt': 'text/plain; charset=utf-8',
	'.mp4': 'video/mp4'
};

export interface StaticServer {
	url: string;
	/** Requests served, by path (for checks that nothing unexpected was asked for). */
	requests: string[];
	close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
	const clean = path.posix.normalize(decodeURIComponent(urlPath));
	if (clean.includes('\0')) return null;
	const base = path.join(root, clean);
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
		try {
			if ((await stat(candidate)).isFile()) return candidate;
		} catch {
			// try the next
		}
	}
	return null;
}

export async function serveStatic(
	root: string,
	port = 0,
	extraHeaders: Record<string, string> = {}
): Promise<StaticServer> {
	const absRoot = path.resolve(root);
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			requests.push(url.pathname);
			const file =
				(await resolveFile(absRoot, url.pathname)) ??
				(path.extname(url.pathname) === '' ? path.join(absRoot, '200.html') : null);
			if (!file) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
			const info = await stat(file);
			const etag = `"${createHash('sha1').update(`${file}:${info.size}:${info.mtimeMs}`).digest('hex').slice(0, 16)}"`;
			const headers: Record<string, string> = {
				...extraHeaders,
				'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
				etag,
				'cache-control': url.pathname.startsWith('/_app/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'no-cache'
			};
			if (req.headers['if-none-match'] === etag) {
				res.writeHead(304, headers).end();
				return;
			}
			res.writeHead(200, { ...headers, 'content-length': String(info.size) });
			if (req.method === 'HEAD') res.end();
			else createReadStream(file).pipe(res);
		})().catch((e: unknown) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(String(e));
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const { port: actual } = server.address() as AddressInfo;
	return {
		url: `http://localhost:${actual}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
