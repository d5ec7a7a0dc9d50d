/**
 * Backend selection: the choice logic against a scripted host and clock, then the real tfjs
 * backends available in Node (wasm, cpu; webgl and webgpu exist only in browsers) timed on the
 * real MoveNet Lightning model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
	estimatorProbe,
	initBackend,
	matmulProbe,
	pickBackend,
	setBackend,
	tfjsBackendHost,
	type BackendHost,
	type BackendName
} from '../../src/lib/pose/backend';
import { ModelLoadError } from '../../src/lib/pose/errors';
import type { PoseEstimator } from '../../src/lib/pose/estimator';
import { createNodeEstimator, initNodeWasm } from '../../src/lib/pose/node';

interface FakeBackend {
	/** Registering throws this message. */
	registerError?: string;
	/** setBackend answers false. */
	unavailable?: boolean;
	/** Milliseconds each probe run takes, in order (the last repeats). */
	probeMs?: number[];
	/** A probe run throws this message. */
	probeError?: string;
}

/** A host whose clock advances only when the probe "runs" on the active fake backend. */
function fakeHost(backends: Partial<Record<BackendName, FakeBackend>>) {
	let clock = 0;
	let active: BackendName | null = null;
	const runs = new Map<BackendName, number>();
	const activations: BackendName[] = [];
	const host: BackendHost = {
		async register(name) {
			const err = backends[name]?.registerError;
			if (err) throw new Error(err);
		},
		async setBackend(name) {
			const b = backends[name];
			if (!b || b.unavailable) return false;
			active = name;
			activations.push(name);
			return true;
		},
		now: () => clock
	};
	const probe = () => {
		if (!active) throw new Error('no backend');
		const b = backends[active]!;
		if (b.probeError) throw new Error(b.probeError);
		const i = runs.get(active) ?? 0;
		runs.set(active, i + 1);
		const ms = b.probeMs ?? [10];
		clock += ms[Math.min(i, ms.length - 1)]!;
	};
	return { host, probe, runs, activations, active: () => active };
}

describe('pickBackend (scripted host)', () => {
	it('activates the fastest backend, timing only the runs after warm-up', async () => {
		const fake = fakeHost({
			webgpu: { unavailable: true },
			// Slow first runs (shader compilation) then fast: warm-up must absorb them.
			webgl: { probeMs: [900, 400, 20, 22, 18] },
			wasm: { probeMs: [45, 40] }
		});
		const choice = await pickBackend(['webgpu', 'webgl', 'wasm'], fake.probe, {
			host: fake.host,
			warmupRuns: 2,
			timedRuns: 3
		});
		expect(choice.backend).toBe('webgl');
		expect(fake.active()).toBe('webgl');
		expect(fake.activations.at(-1)).toBe('webgl');
		expect(choice.timings).toEqual([
			{ backend: 'webgpu', ok: false, msPerRun: null, runsMs: [], error: 'not available here' },
			{ backend: 'webgl', ok: true, msPerRun: 20, runsMs: [20, 22, 18] },
			{ backend: 'wasm', ok: true, msPerRun: 40, runsMs: [40, 40, 40] }
		]);
	});

	it('records backends that fail to register or to run, and picks among the rest', async () => {
		const fake = fakeHost({
			webgpu: { registerError: 'no adapter' },
			webgl: { probeError: 'Failed to compile fragment shader.' },
			wasm: { probeMs: [50] }
		});
		const seen: string[] = [];
		const choice = await pickBackend(undefined, fake.probe, {
			host: fake.host,
			onTiming: (t) => seen.push(t.backend)
		});
		expect(choice.backend).toBe('wasm');
		expect(seen).toEqual(['webgpu', 'webgl', 'wasm']);
		expect(choice.timings[0]).toMatchObject({ ok: false, error: 'no adapter' });
		expect(choice.timings[1]).toMatchObject({
			ok: false,
			error: 'Failed to compile fragment shader.'
		});
	});

	it('stops timing a slow backend once its budget is spent', async () => {
		const fake = fakeHost({ webgl: { probeMs: [1100] }, wasm: { probeMs: [40] } });
		const choice = await pickBackend(['webgl', 'wasm'], fake.probe, {
			host: fake.host,
			warmupRuns: 1,
			timedRuns: 5,
			budgetMs: 2000
		});
		expect(choice.timings[0]!.runsMs).toEqual([1100, 1100]);
		expect(fake.runs.get('webgl')).toBe(3); // 1 warm-up + 2 timed
		expect(choice.backend).toBe('wasm');
	});

	it('throws a backend ModelLoadError when nothing works', async () => {
		const fake = fakeHost({ webgl: { unavailable: true }, wasm: { probeError: 'out of memory' } });
		const err = await pickBackend(['webgl', 'wasm'], fake.probe, { host: fake.host }).catch(
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(ModelLoadError);
		expect((err as ModelLoadError).kind).toBe('backend');
		expect((err as ModelLoadError).message).toContain('wasm: out of memory');
	});

	it('setBackend honours a choice or throws a backend ModelLoadError', async () => {
		const fake = fakeHost({ webgl: {}, webgpu: { unavailable: true } });
		await setBackend('webgl', fake.host);
		expect(fake.active()).toBe('webgl');
		await expect(setBackend('webgpu', fake.host)).rejects.toMatchObject({
			name: 'ModelLoadError',
			kind: 'backend'
		});
		expect(fake.active()).toBe('webgl');
	});

	it('initBackend takes the first candidate that starts', async () => {
		const fake = fakeHost({
			webgpu: { unavailable: true },
			webgl: { registerError: 'x' },
			wasm: {}
		});
		expect(await initBackend(undefined, fake.host)).toBe('wasm');
	});
});

describe('pickBackend (real tfjs backends in Node)', () => {
	let estimator: PoseEstimator;
	beforeAll(async () => {
		await initNodeWasm();
		estimator = await createNodeEstimator('movenet-lightning');
	});
	afterAll(async () => {
		estimator?.dispose();
		await tf.setBackend('wasm');
	});

	// wasm's paths were set by the Node loader: the host must leave them alone (wasmPaths null).
	const host = () => tfjsBackendHost({ wasmPaths: null });

	it('times MoveNet Lightning on wasm and cpu, reports webgl/webgpu as unavailable, keeps wasm', async () => {
		const choice = await pickBackend(
			['webgpu', 'webgl', 'wasm', 'cpu'],
			estimatorProbe(estimator),
			{ host: host(), warmupRuns: 1, timedRuns: 2, budgetMs: 500 }
		);
		const by = Object.fromEntries(choice.timings.map((t) => [t.backend, t]));
		expect(by.webgpu!.ok).toBe(false);
		expect(by.webgl!.ok).toBe(false);
		expect(by.wasm!.ok).toBe(true);
		expect(by.cpu!.ok).toBe(true);
		// Plain-JavaScript kernels are several times slower than wasm's on this model.
		expect(by.wasm!.msPerRun!).toBeLessThan(by.cpu!.msPerRun!);
		expect(choice.backend).toBe('wasm');
		expect(tf.getBackend()).toBe('wasm');
	});

	it('the estimator still finds nobody in a blank frame after moving between backends', async () => {
		const blank = tf.zeros([256, 256, 3], 'int32') as tf.Tensor3D;
		try {
			expect(await estimator.estimate(blank)).toEqual([]);
		} finally {
			blank.dispose();
		}
	});

	it('matmulProbe runs on a real backend', async () => {
		const choice = await pickBackend(['wasm'], matmulProbe(64), { host: host(), timedRuns: 1 });
		expect(choice.timings[0]!.ok).toBe(true);
		expect(choice.timings[0]!.msPerRun).toBeGreaterThanOrEqual(0);
	});
});
