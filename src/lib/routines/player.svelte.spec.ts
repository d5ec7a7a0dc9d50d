/**
 * The routine player's state machine on a fake clock with fake runners: the "Next:" countdown,
 * pause and resume (of the countdown and of the item), skip in both places, items that finish on
 * their own, ending early, and the summary.
 */
import { describe, expect, it } from 'vitest';
import type { CoachEvent, ExerciseDefinition } from '$lib/engine/types';
import type { Announcer } from '$lib/session/announcer.svelte';
import { recordingSpeaker } from '$lib/speech/test-helpers';
import {
	EMPTY_OUTCOME,
	nextPrompt,
	playerItems,
	RoutinePlayer,
	type ItemOutcome,
	type ItemRunner,
	type RoutineRun
} from './player.svelte';
import { DESK_BREAK } from './presets';
import type { Routine } from './types';

class FakeRunner implements ItemRunner {
	readonly kind: 'camera' | 'timer';
	log: string[] = [];
	done = false;
	result: ItemOutcome = EMPTY_OUTCOME;
	muted = false;
	constructor(readonly def: ExerciseDefinition) {
		this.kind = def.cameraChecked ? 'camera' : 'timer';
	}
	start() {
		this.log.push('start');
	}
	pause() {
		this.log.push('pause');
	}
	finished() {
		return this.done;
	}
	outcome() {
		return this.result;
	}
	setMuted(m: boolean) {
		this.muted = m;
	}
	dispose() {
		this.log.push('dispose');
	}
}

function setup(routine: Routine = DESK_BREAK) {
	let now = 0;
	const said: string[] = [];
	const runners: FakeRunner[] = [];
	let intervals = 0;
	const speaker = { say: (t: string) => void said.push(t), cancel: () => {}, muted: false };
	const player = new RoutinePlayer(routine, {
		createRunner: (def) => {
			const r = new FakeRunner(def);
			runners.push(r);
			return r;
		},
		speaker,
		now: () => now,
		setInterval: () => ++intervals,
		clearInterval: () => void intervals--,
		nextPauseSeconds: 10
	});
	/** Moves the fake clock on by `s` seconds and lets the player look. */
	const advance = (s: number) => {
		now += s * 1000;
		player.tick();
	};
	return { player, said, runners, advance, speaker, intervals: () => intervals };
}

describe('RoutinePlayer', () => {
	it('lists the items with their doses and prompts "Next: …, dose."', () => {
		const items = playerItems(DESK_BREAK);
		expect(items.map((i) => i.dose)).toEqual(['12 reps', '8 reps', '2 × 30 s hold']);
		expect(nextPrompt(items[0]!)).toBe('Next: shoulder rolls, 12 reps.');
		expect(
			playerItems({ items: [{ exerciseId: 'gone' }, { exerciseId: 'cat-cow' }] })
		).toHaveLength(1);
	});

	it('counts down before each item, runs it until it finishes, and moves on', () => {
		const { player, said, runners, advance } = setup();
		expect(player.phase).toBe('overview');
		player.start();
		expect(player.phase).toBe('next');
		expect(said).toEqual(['Next: shoulder rolls, 12 reps.']);
		advance(4);
		expect(player.nextRemaining).toBe(6);
		advance(6);
		expect(player.phase).toBe('item');
		expect(runners).toHaveLength(1);
		expect(runners[0]!.log).toEqual(['start']);

		advance(30);
		expect(player.phase).toBe('item');
		runners[0]!.result = { ...EMPTY_OUTCOME, reps: 12, repsPerSet: [12], meanScore: 88 };
		runners[0]!.done = true;
		advance(0.2);
		expect(runners[0]!.log).toEqual(['start', 'dispose']);
		expect(player.phase).toBe('next');
		expect(player.index).toBe(1);
		expect(said.at(-1)).toBe(`Next: ${player.items[1]!.def.name.toLowerCase()}, 8 reps.`);
		expect(player.results).toEqual([
			expect.objectContaining({
				index: 0,
				exerciseId: 'shoulder-rolls',
				status: 'done',
				seconds: 30.2,
				outcome: expect.objectContaining({ reps: 12, meanScore: 88 })
			})
		]);
	});

	it('pauses and resumes the countdown without losing time', () => {
		const { player, advance } = setup();
		player.start();
		advance(3);
		player.pause();
		expect(player.paused).toBe(true);
		advance(60);
		expect(player.phase).toBe('next');
		expect(player.nextRemaining).toBe(7);
		player.resume();
		advance(6.9);
		expect(player.phase).toBe('next');
		advance(0.1);
		expect(player.phase).toBe('item');
	});

	it('pauses and resumes the running item, excluding the pause from its time', () => {
		const { player, runners, advance } = setup();
		player.start();
		player.begin();
		advance(5);
		player.pause();
		player.pause(); // twice is once
		advance(100);
		player.resume();
		advance(5);
		expect(runners[0]!.log).toEqual(['start', 'pause', 'start']);
		runners[0]!.done = true;
		advance(0);
		expect(player.results[0]!.seconds).toBe(10);
	});

	it('skips in the countdown (never starting the item) and while it runs (keeping what was done)', () => {
		const { player, runners, advance } = setup();
		player.start();
		player.skip();
		expect(runners).toHaveLength(0);
		expect(player.index).toBe(1);
		advance(10);
		expect(player.phase).toBe('item');
		runners[0]!.result = { ...EMPTY_OUTCOME, reps: 3, repsPerSet: [3] };
		player.skip();
		expect(runners[0]!.log).toEqual(['start', 'dispose']);
		expect(player.index).toBe(2);
		player.begin();
		player.skip();
		expect(player.phase).toBe('summary');
		expect(player.results.map((r) => [r.exerciseId, r.status])).toEqual([
			['shoulder-rolls', 'skipped'],
			['neck-flexion-extension', 'partial'],
			['wall-stretch', 'skipped']
		]);
	});

	it('ends early: the rest is skipped, the summary shows, the clock stops', () => {
		const { player, runners, said, intervals } = setup();
		player.start();
		expect(intervals()).toBe(1);
		player.begin();
		player.end();
		expect(runners[0]!.log).toEqual(['start', 'dispose']);
		expect(player.phase).toBe('summary');
		expect(player.results.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
		expect(said.at(-1)).toBe('Routine ended.');
		expect(intervals()).toBe(0);
	});

	it('finishes with a spoken summary and starts over from the overview', () => {
		const { player, runners, said, advance } = setup();
		player.start();
		for (let i = 0; i < 3; i++) {
			advance(10);
			runners[i]!.done = true;
			advance(1);
		}
		expect(player.phase).toBe('summary');
		expect(player.results.map((r) => r.status)).toEqual(['done', 'done', 'done']);
		expect(said.at(-1)).toBe('Routine done. Well done.');
		player.restart();
		expect(player.phase).toBe('overview');
		expect(player.results).toEqual([]);
		player.start();
		expect(player.phase).toBe('next');
		expect(player.index).toBe(0);
	});

	it('passes mute to the speaker and to every runner', () => {
		const { player, runners, speaker } = setup();
		player.setMuted(true);
		expect(speaker.muted).toBe(true);
		player.start();
		player.begin();
		expect(runners[0]!.muted).toBe(true);
		player.setMuted(false);
		expect(runners[0]!.muted).toBe(false);
	});

	it('goes straight to the summary for a routine with nothing to play', () => {
		const { player } = setup({ id: 'x', name: 'x', blurb: '', items: [{ exerciseId: 'gone' }] });
		player.start();
		expect(player.phase).toBe('summary');
	});

	it('ignores commands that do not fit the phase', () => {
		const { player, runners } = setup();
		player.begin();
		player.skip();
		player.pause();
		player.resume();
		expect(player.phase).toBe('overview');
		expect(player.paused).toBe(false);
		expect(runners).toHaveLength(0);
	});

	it('hands the finished run over once, with the outcome read after the runner was disposed', () => {
		const runs: RoutineRun[] = [];
		const runners: FakeRunner[] = [];
		let wall = 1_000;
		const player = new RoutinePlayer(DESK_BREAK, {
			createRunner: (def) => {
				const r = new FakeRunner(def);
				runners.push(r);
				return r;
			},
			speaker: { say: () => {}, cancel: () => {}, muted: false },
			now: () => 0,
			setInterval: () => 1,
			clearInterval: () => {},
			wallClock: () => wall,
			onFinish: (run) => void runs.push(run)
		});
		player.start();
		player.begin();
		const runner = runners[0]!;
		runner.outcome = () => ({
			...EMPTY_OUTCOME,
			reps: 12,
			// Saved workouts are known only once the runner is disposed (its session stopped).
			workouts: runner.log.includes('dispose') ? [{ id: 'w1', seconds: 30 }] : []
		});
		runner.done = true;
		player.tick();
		wall = 61_000;
		player.end();
		expect(runs).toHaveLength(1);
		expect(runs[0]!.startedAt).toBe(1_000);
		expect(runs[0]!.endedAt).toBe(61_000);
		expect(runs[0]!.results.map((r) => r.status)).toEqual(['done', 'skipped', 'skipped']);
		expect(runs[0]!.results[0]!.outcome.workouts).toEqual([{ id: 'w1', seconds: 30 }]);
	});
});

describe('RoutinePlayer: one announcer for the player and the item it runs', () => {
	const cue = (text: string): CoachEvent =>
		({ type: 'cue', t: 1, cue: { id: 'c', text, t: 1 } }) as CoachEvent;

	/** A player on a real Speaker (fake synthesizer) whose items speak through what they are handed. */
	function shared() {
		const { speaker, spoken, finish } = recordingSpeaker();
		const handed: Announcer[] = [];
		const runners: FakeRunner[] = [];
		let now = 0;
		const player = new RoutinePlayer(DESK_BREAK, {
			createRunner: (def, _index, announcer) => {
				handed.push(announcer);
				const r = new FakeRunner(def);
				runners.push(r);
				return r;
			},
			speaker,
			now: () => now,
			setInterval: () => 1,
			clearInterval: () => {},
			nextPauseSeconds: 10
		});
		const advance = (s: number) => {
			now += s * 1000;
			player.tick();
		};
		return { player, spoken, finish, handed, runners, advance };
	}

	it('hands every item the same announcer', () => {
		const { player, handed, runners, advance } = shared();
		player.start();
		advance(10);
		runners[0]!.done = true;
		advance(0.2);
		advance(10);
		expect(handed).toHaveLength(2);
		expect(handed[1]).toBe(handed[0]);
	});

	it("does not let the item's form cue cut the player's prompt: the cue waits for it", () => {
		const { player, spoken, finish, handed } = shared();
		player.start();
		const next = nextPrompt(player.items[0]!);
		expect(spoken).toEqual([next]);
		player.begin();
		// The item's first frame: a cue while "Next: …" is still being spoken.
		handed[0]!.events([cue('Keep your head level.')]);
		expect(spoken).toEqual([next]);
		expect(player.announcement).toBe('Keep your head level.');
		finish();
		expect(spoken).toEqual([next, 'Keep your head level.']);
	});

	it("puts the player's prompt before the item's waiting cue", () => {
		const { player, spoken, finish, handed, runners, advance } = shared();
		player.start();
		finish();
		player.begin();
		handed[0]!.events([cue('Keep your head level.')]);
		handed[0]!.events([cue('Lift evenly.')]);
		expect(spoken.at(-1)).toBe('Keep your head level.');
		// The item's dose is done: the player moves on while the first cue is still spoken.
		runners[0]!.done = true;
		advance(0.2);
		expect(player.phase).toBe('next');
		finish();
		const next = nextPrompt(player.items[1]!);
		expect(spoken.slice(-2)).toEqual(['Keep your head level.', next]);
		expect(spoken).not.toContain('Lift evenly.');
	});
});
