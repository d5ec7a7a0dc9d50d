import { error } from '@sveltejs/kit';
import { EXERCISES, getExercise } from '$lib/exercises';
import type { EntryGenerator, PageLoad } from './$types';

// adapter-static prerenders one shell per exercise, so /workout/<id> works on any static host.
export const entries: EntryGenerator = () => EXERCISES.map((e) => ({ id: e.id }));

export const load: PageLoad = ({ params }) => {
	const exercise = getExercise(params.id);
	if (!exercise) error(404, `There is no exercise called “${params.id}”.`);
	return { exercise };
};
