import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_KEYPOINTS, COCO_KEYPOINTS, KP } from '../pose/keypoints';
import { parseTrace, readTrace, TraceError, writeTrace } from './pose-trace';

function cocoTrace() {
	return {
		format: 'pose-trace',
		version: 1,
		model: 'movenet-lightning',
		keypointNames: [...COCO_KEYPOINTS],
		width: 640,
		height: 480,
		fps: 30,
		frames: [
			{ t: 0, keypoints: COCO_KEYPOINTS.map((_, i) => [100 + i, 200 + i, 0.9]) },
			{ t: 0.0333, keypoints: null },
			{ t: 0.0667, keypoints: COCO_KEYPOINTS.map((_, i) => [110 + i, 210 + i, 0.8, -0.2]) }
		]
	};
}

describe('readTrace', () => {
	it('reads a MoveNet-17 trace with null frames and optional z', () => {
		const t = readTrace(cocoTrace());
		expect(t.frames).toHaveLength(3);
		expect(t.frames[1]!.body).toBeNull();
		expect(t.frames[2]!.body!.keypoints[KP.left_shoulder]).toEqual({ x: 115, y: 215, score: 0.8 });
	});

	it('maps a BlazePose-33 trace by name, not by index', () => {
		const names = [...BLAZEPOSE_KEYPOINTS].reverse();
		const trace = {
			...cocoTrace(),
			keypointNames: names,
			frames: [
				{
					t: 0,
					keypoints: names.map((n) => (n === 'left_shoulder' ? [300, 100, 0.95] : [1, 1, 0.5]))
				}
			]
		};
		const body = readTrace(trace).frames[0]!.body!;
		expect(body.keypoints[KP.left_shoulder]).toEqual({ x: 300, y: 100, score: 0.95 });
		expect(body.keypoints[KP.nose]).toEqual({ x: 1, y: 1, score: 0.5 });
	});

	it.each<[string, (t: ReturnType<typeof cocoTrace>) => unknown, RegExp]>([
		['format', (t) => ({ ...t, format: 'x' }), /field "format"/],
		['version', (t) => ({ ...t, version: 2 }), /field "version": expected 1/],
		['names', (t) => ({ ...t, keypointNames: ['foo'] }), /field "keypointNames": none/],
		['width', (t) => ({ ...t, width: -1 }), /field "width"/],
		[
			't order',
			(t) => ({ ...t, frames: [t.frames[0], { ...t.frames[0] }] }),
			/frames\[1\]\.t: 0 is not after/
		],
		[
			'row count',
			(t) => ({ ...t, frames: [{ t: 0, keypoints: [[1, 2, 0.5]] }] }),
			/frames\[0\]\.keypoints: expected null or 17 rows/
		],
		[
			'row shape',
			(t) => ({
				...t,
				frames: [
					{ t: 0, keypoints: COCO_KEYPOINTS.map((_, i) => (i === 5 ? [1, 'a', 1] : [1, 2, 0.5])) }
				]
			}),
			/frames\[0\]\.keypoints\[5\] \(left_shoulder\)/
		],
		[
			'score range',
			(t) => ({ ...t, frames: [{ t: 0, keypoints: COCO_KEYPOINTS.map(() => [1, 2, 1.5]) }] }),
			/score 1.5 is outside 0..1/
		],
		['frames', (t) => ({ ...t, frames: 'x' }), /field "frames"/],
		[
			'z that is not a number',
			(t) => ({
				...t,
				frames: [
					t.frames[0],
					{
						t: 1,
						keypoints: COCO_KEYPOINTS.map((_, i) => (i === 9 ? [1, 2, 0.5, null] : [1, 2, 0.5]))
					}
				]
			}),
			/frames\[1\]\.keypoints\[9\] \(left_wrist\)/
		],
		[
			'row of five numbers',
			(t) => ({ ...t, frames: [{ t: 0, keypoints: COCO_KEYPOINTS.map(() => [1, 2, 0.5, 0, 0]) }] }),
			/frames\[0\]\.keypoints\[0\] \(nose\): expected \[x, y, score\]/
		],
		['frame', (t) => ({ ...t, frames: [t.frames[0], 7] }), /frames\[1\]: expected an object/],
		['negative time', (t) => ({ ...t, frames: [{ t: -1, keypoints: null }] }), /frames\[0\]\.t/]
	])('rejects a bad %s, naming field and frame', (_name, mutate, message) => {
		expect(() => readTrace(mutate(cocoTrace()))).toThrow(message);
		expect(() => readTrace(mutate(cocoTrace()))).toThrow(TraceError);
	});

	it('names the first offending frame of a long trace', () => {
		const good = cocoTrace().frames[0]!.keypoints!;
		const frames = Array.from({ length: 5000 }, (_, i) => ({ t: i / 30, keypoints: good }));
		frames[3001] = { t: 3001 / 30, keypoints: good.map((r, k) => (k === 12 ? [1, 2, -0.1] : r)) };
		frames[4000] = { t: 4000 / 30, keypoints: good.slice(1) };
		expect(() => readTrace({ ...cocoTrace(), frames })).toThrow(
			/^frames\[3001\]\.keypoints\[12\] \(right_hip\): score -0.1 is outside 0..1$/
		);
	});

	it('leaves out names the body does not use and score-0 rows', () => {
		const names = ['left_pinky', 'left_shoulder', 'right_shoulder'];
		const t = readTrace({
			...cocoTrace(),
			keypointNames: names,
			frames: [
				{
					t: 0,
					keypoints: [
						[5, 5, 0.9],
						[10, 20, 0.7],
						[0, 0, 0]
					]
				}
			]
		});
		const body = t.frames[0]!.body!;
		expect(body.keypoints).toHaveLength(COCO_KEYPOINTS.length);
		expect(body.keypoints[KP.left_shoulder]).toEqual({ x: 10, y: 20, score: 0.7 });
		expect(body.keypoints[KP.right_shoulder]).toBeNull();
		expect(body.keypoints.filter((k) => k !== null)).toHaveLength(1);
		expect(body.width).toBe(640);
	});

	it('turns a JSON syntax error into a TraceError', () => {
		expect(() => parseTrace('{"format": ')).toThrow(TraceError);
	});
});

describe('writeTrace', () => {
	it('round-trips through the reader', () => {
		const read = readTrace(cocoTrace());
		const written = writeTrace(read.frames, read);
		const again = readTrace(JSON.parse(JSON.stringify(written)));
		expect(again.frames.map((f) => f.t)).toEqual(read.frames.map((f) => f.t));
		expect(again.frames[0]!.body!.keypoints).toEqual(read.frames[0]!.body!.keypoints);
		expect(again.frames[1]!.body).toBeNull();
	});
});
