/**
 * Scapula's command-line analyser: `npm run -s analyze -- <file> [options]`.
 *
 * <file> is a video (decoded with ffmpeg, each frame through the real pose model in Node) or a
 * pose trace (`.json` / `.json.gz`, docs: pose-trace format). The same coach as the live app
 * counts reps, times holds, scores form and gives cues (`--exercise`), or a simple posture
 * monitor says when the person slouched (`--posture`). `--json` prints machine-readable output.
 *
 * Exit codes: 0 done; 2 a problem with the command or its input (message on stderr); 1 an
 * unexpected failure.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { analyzeExercise } from '../lib/analysis/exercise-report';
import { catalog } from '../lib/analysis/catalog';
import { analyzePosture, PostureError } from '../lib/analysis/posture';
import { InputError, loadInput, type LoadedInput } from '../lib/analysis/node/input';
import { defaultPoseThreads } from '../lib/analysis/node/pose-pool';
import type { VideoInfo } from '../lib/analysis/node/video';
import { modelFrameSide } from '../lib/pose/frame-reader';
import { EXERCISES, getExercise } from '../lib/exercises';
import { DEFAULT_MODEL, isModelId, MODEL_IDS, type ModelId } from '../lib/pose/models';
import { writeTrace } from '../lib/trace/pose-trace';
import { isGzipPath, writeTraceFile } from '../lib/trace/trace-file';
import { formatCatalog, formatExercise, formatPosture } from './format';

/** A problem with the command line or its input: exit code 2. */
export class UsageError extends Error {
	/** Print the usage text after the message (for malformed command lines). */
	readonly showUsage: boolean;
	constructor(message: string, showUsage = false) {
		super(message);
		this.name = 'UsageError';
		this.showUsage = showUsage;
	}
}

const DEFAULT_THREADS = defaultPoseThreads();

export const USAGE = `Usage: npm run -s analyze -- <file> [options]
       npm run -s analyze -- --list [--json]

<file> is a video (any format ffmpeg reads) or a pose trace (.json or .json.gz).

What to analyse (one of):
  -e, --exercise <id>     count reps, time holds, score form and list cues for one exercise
  -p, --posture           sitting posture over time: upright / slouched / away / unknown
      --list              the exercise catalog (no file needed)

Options:
      --calibrate <S-E>   posture: seconds sitting upright to calibrate on (default: first 5 s
                          with a person), e.g. --calibrate 2-8
      --json              machine-readable JSON on stdout
      --save-trace <out>  also save the pose trace of a video (.json, or .json.gz compressed)
      --model <id>        pose model for videos: ${MODEL_IDS.join(', ')}
                          (default ${DEFAULT_MODEL})
      --decode-size <px>  largest side frames are decoded at (default: twice the model's
                          input, as the app reads camera frames: ${modelFrameSide('movenet-lightning')} for MoveNet
                          Lightning, ${modelFrameSide('blazepose-full')} for the others)
      --threads <n>       pose-model threads for videos, 1–16 (default ${DEFAULT_THREADS}: this
                          machine's cores, at most 4)
  -q, --quiet             no progress bar
      --timing            print how long loading and analysing took (stderr)
  -h, --help              this help`;

interface Options {
	file: string | undefined;
	exercise: string | undefined;
	posture: boolean;
	list: boolean;
	calibrate: { start: number; end: number } | undefined;
	json: boolean;
	saveTrace: string | undefined;
	model: ModelId;
	/** undefined: the model's own frame side. */
	decodeSize: number | undefined;
	threads: number;
	quiet: boolean;
	timing: boolean;
	help: boolean;
}

/** Parses and checks the command line; UsageError for anything wrong. */
export function parseOptions(argv: readonly string[]): Options {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				exercise: { type: 'string', short: 'e' },
				posture: { type: 'boolean', short: 'p', default: false },
				list: { type: 'boolean', default: false },
				calibrate: { type: 'string' },
				json: { type: 'boolean', default: false },
				'save-trace': { type: 'string' },
				model: { type: 'string' },
				'decode-size': { type: 'string' },
				threads: { type: 'string' },
				quiet: { type: 'boolean', short: 'q', default: false },
				timing: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		throw new UsageError((e as Error).message, true);
	}
	const v = parsed.values;
	const o: Options = {
		file: parsed.positionals[0],
		exercise: v.exercise,
		posture: v.posture ?? false,
		list: v.list ?? false,
		calibrate: undefined,
		json: v.json ?? false,
		saveTrace: v['save-trace'],
		model: DEFAULT_MODEL,
		decodeSize: undefined,
		threads: DEFAULT_THREADS,
		quiet: v.quiet ?? false,
		timing: v.timing ?? false,
		help: v.help ?? false
	};
	if (o.help) return o;
	if (parsed.positionals.length > 1) {
		throw new UsageError(
			`expected one file, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`,
			true
		);
	}
	const modes = [o.exercise !== undefined, o.posture, o.list].filter(Boolean).length;
	if (modes > 1) throw new UsageError('choose one of --exercise, --posture and --list', true);
	if (o.exercise !== undefined && !getExercise(o.exercise)) {
		throw new UsageError(
			`unknown exercise "${o.exercise}". Valid ids: ${EXERCISES.map((e) => e.id).join(', ')}`
		);
	}
	if (v.model !== undefined) {
		if (!isModelId(v.model)) {
			throw new UsageError(`unknown model "${v.model}". Valid models: ${MODEL_IDS.join(', ')}`);
		}
		o.model = v.model;
	}
	if (v['decode-size'] !== undefined) {
		const n = Number(v['decode-size']);
		if (!Number.isInteger(n) || n < 64 || n > 4096) {
			throw new UsageError(`--decode-size must be a whole number of pixels, 64–4096`);
		}
		o.decodeSize = n;
	}
	if (v.threads !== undefined) {
		const n = Number(v.threads);
		if (!Number.isInteger(n) || n < 1 || n > 16) {
			throw new UsageError(`--threads must be a whole number, 1–16`);
		}
		o.threads = n;
	}
	if (v.calibrate !== undefined) {
		if (!o.posture) throw new UsageError('--calibrate goes with --posture');
		const m = /^\s*(\d+(?:\.\d+)?)\s*[-–:]\s*(\d+(?:\.\d+)?)\s*$/.exec(v.calibrate);
		const start = m ? Number(m[1]) : NaN;
		const end = m ? Number(m[2]) : NaN;
		if (!m || !(end > start)) {
			throw new UsageError(
				`--calibrate expects START-END in seconds with END after START, e.g. 2-8; got "${v.calibrate}"`
			);
		}
		o.calibrate = { start, end };
	}
	if (!o.list) {
		if (o.file === undefined) throw new UsageError('no input file given', true);
		if (modes === 0 && o.saveTrace === undefined) {
			throw new UsageError('say what to analyse: --exercise <id> or --posture (see --list)', true);
		}
	}
	if (o.saveTrace !== undefined && !/\.json(\.gz)?$/i.test(o.saveTrace)) {
		throw new UsageError(`--save-trace needs a .json or .json.gz file name, got "${o.saveTrace}"`);
	}
	return o;
}

interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	/** stderr is a terminal (progress bars only go there). */
	errIsTTY: boolean;
}

const DEFAULT_IO: Io = {
	out: (t) => process.stdout.write(t),
	err: (t) => process.stderr.write(t),
	errIsTTY: Boolean(process.stderr.isTTY)
};

/** A progress bar on stderr while a video is analysed (terminals only). */
function progress(io: Io, enabled: boolean) {
	if (!enabled || !io.errIsTTY) return {};
	const bar = new cliProgress.SingleBar(
		{
			stream: process.stderr,
			format:
				'Analysing |{bar}| {percentage}% | {value}/{total} frames | {speed} frames/s | ETA {eta_formatted}',
			hideCursor: true,
			clearOnComplete: true,
			etaBuffer: 30
		},
		cliProgress.Presets.shades_classic
	);
	let start = 0;
	return {
		onVideoStart(info: VideoInfo) {
			start = performance.now();
			bar.start(info.frames ?? 0, 0, { speed: '-' });
		},
		onVideoFrame(done: number) {
			const s = (performance.now() - start) / 1000;
			if (done > bar.getTotal()) bar.setTotal(done);
			bar.update(done, { speed: s > 0 ? (done / s).toFixed(1) : '-' });
		},
		stop() {
			bar.stop();
		}
	};
}

async function saveTrace(input: LoadedInput, out: string): Promise<void> {
	const trace = writeTrace(input.frames, {
		model: input.model,
		width: input.width,
		height: input.height,
		fps: input.fps
	});
	try {
		await writeTraceFile(out, trace);
	} catch (e) {
		throw new UsageError(`cannot write the trace to ${out}: ${(e as Error).message}`);
	}
}

/** Runs the analyser; returns the exit code. */
export async function main(argv: readonly string[], io: Io = DEFAULT_IO): Promise<number> {
	let o: Options;
	try {
		o = parseOptions(argv);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		io.err(`analyze: ${e.message}\n${e.showUsage ? `\n${USAGE}\n` : ''}`);
		return 2;
	}
	if (o.help) {
		io.out(`${USAGE}\n`);
		return 0;
	}
	try {
		if (o.list) {
			const entries = catalog();
			io.out(o.json ? `${JSON.stringify(entries)}\n` : `${formatCatalog(entries)}\n`);
			return 0;
		}
		const bar = progress(io, !o.quiet);
		const t0 = performance.now();
		let input: LoadedInput;
		try {
			input = await loadInput(o.file!, {
				model: o.model,
				maxSize: o.decodeSize,
				threads: o.threads,
				onVideoStart: bar.onVideoStart,
				onVideoFrame: bar.onVideoFrame
			});
		} finally {
			bar.stop?.();
		}
		const t1 = performance.now();
		if (o.saveTrace !== undefined) {
			await saveTrace(input, o.saveTrace);
			if (!o.json) {
				const kind = isGzipPath(o.saveTrace) ? 'compressed pose trace' : 'pose trace';
				io.err(`Saved the ${kind} (${input.frames.length} frames) to ${o.saveTrace}\n`);
			}
		}
		const t2 = performance.now();
		if (o.exercise !== undefined) {
			const def = getExercise(o.exercise)!;
			const report = analyzeExercise(def, input.frames);
			io.out(o.json ? `${JSON.stringify(report)}\n` : `${formatExercise(report, def, input)}\n`);
		} else if (o.posture) {
			const report = analyzePosture(input.frames, { calibrate: o.calibrate });
			io.out(
				o.json
					? `${JSON.stringify({ frames: report.frames, slouchedSeconds: report.slouchedSeconds })}\n`
					: `${formatPosture(report, input)}\n`
			);
		}
		if (o.timing) {
			const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
			io.err(
				`timing: load ${ms(t0, t1)} (${input.frames.length} frames), analyse ${ms(t2, performance.now())}\n`
			);
		}
		return 0;
	} catch (e) {
		if (e instanceof UsageError || e instanceof InputError || e instanceof PostureError) {
			io.err(`analyze: ${e.message}\n`);
			return 2;
		}
		io.err(
			`analyze: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
		);
		return 1;
	}
}

// Kept out of `main` so tests can import the module without running it.
if (process.argv[1] && /[\\/]analyze\.(ts|js|mjs)$/.test(process.argv[1])) {
	main(process.argv.slice(2)).then(
		(code) => {
			process.exitCode = code;
		},
		(e: unknown) => {
			process.stderr.write(`analyze: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
			process.exitCode = 1;
		}
	);
}
