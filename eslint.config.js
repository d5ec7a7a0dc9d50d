import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The pure core: computation that must run unchanged in Node tests and in the CLI analyser, so it
 * may not touch Svelte, the DOM, the browser's storage or speech, or Node's own modules. Tests
 * (`*.spec.ts`, `test-helpers.ts`) are outside the boundary: they run in Node and may read files.
 */
const pureFiles = [
	'src/lib/geometry/**',
	'src/lib/filters/**',
	'src/lib/metrics/**',
	'src/lib/engine/**',
	'src/lib/exercises/**',
	'src/lib/sim/**',
	'src/lib/posture/**',
	'src/lib/analysis/**',
	'src/lib/trace/**',
	'src/lib/storage/**',
	'src/lib/text/**',
	'src/lib/rom/**',
	'src/lib/report/**',
	'src/lib/pose/keypoints.ts',
	'src/lib/pose/tracking.ts'
];

const notPure = [
	'**/*.spec.ts',
	'**/test-helpers.ts',
	// The posture monitor's browser half (camera, worker, notifications, chime).
	'src/lib/posture/browser/**',
	// The analyser's Node half: ffmpeg, worker threads, the file system.
	'src/lib/analysis/node/**'
];

/** What the pure core must not import, each with the reason a developer sees in the lint error. */
const bannedImports = {
	svelte: {
		group: [
			'svelte',
			'svelte/*',
			'$app/*',
			'*.svelte',
			'**/*.svelte',
			'**/*.svelte.js',
			'**/*.svelte.ts'
		],
		message: 'Pure modules must not import Svelte (they run in Node tests and the CLI).'
	},
	dom: {
		group: [
			'**/camera/**',
			'**/ui/**',
			'**/app/**',
			'**/session/**',
			'**/browser/**',
			'**/browser-io'
		],
		message: 'Pure modules must not import browser code (camera, UI, app wiring, **/browser/**).'
	},
	speech: {
		group: ['**/speech/**', '**/speech'],
		message: 'Pure modules must not speak: hand the text to the caller.'
	},
	node: {
		group: ['node:*', 'fs', 'fs/*', 'path', 'zlib', 'util', 'child_process', 'worker_threads'],
		message: 'Pure modules must not import Node modules (they run in the browser too).'
	}
};

const bannedGlobals = [
	'window',
	'document',
	'navigator',
	'localStorage',
	'indexedDB',
	'speechSynthesis'
].map((name) => ({
	name,
	message: `Pure modules must not use the browser's ${name}: take it as an argument.`
}));

/** The boundary rules, less what an exception may use. */
function pureRules({ allowImports = [], allowGlobals = [] } = {}) {
	return {
		'no-restricted-imports': [
			'error',
			{
				patterns: Object.entries(bannedImports)
					.filter(([key]) => !allowImports.includes(key))
					.map(([, pattern]) => pattern)
			}
		],
		'no-restricted-globals': [
			'error',
			...bannedGlobals.filter((g) => !allowGlobals.includes(g.name))
		]
	};
}

/**
 * Files inside the pure folders that need one banned thing, each with its reason. Nothing else in
 * a pure folder may use it. (`storage/db.ts` and `storage/persistence.ts` take IndexedDB and
 * `navigator.storage` as injectable arguments, reading `globalThis` only for the default, so they
 * need no exception.)
 */
const pureExceptions = [
	{
		// The one reader of the browser's localStorage (settings, preferences, remembered backend);
		// everything else takes a StorageLike, so Node tests pass a memory one.
		files: ['src/lib/storage/local.ts'],
		allowGlobals: ['localStorage']
	},
	{
		// The CLI's trace reader and writer: reads and writes .json.gz files with node:fs and node:zlib.
		files: ['src/lib/trace/trace-file.ts'],
		allowImports: ['node']
	},
	{
		// The app's trace download: its default document makes the <a download> link.
		files: ['src/lib/trace/browser-io.ts'],
		allowGlobals: ['document']
	}
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: pureFiles,
		ignores: notPure,
		rules: pureRules()
	},
	...pureExceptions.map(({ files, allowImports, allowGlobals }) => ({
		files,
		rules: pureRules({ allowImports, allowGlobals })
	})),
	{
		ignores: [
			'build/',
			'.cache/',
			'.svelte-kit/',
			'dist/',
			'static/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	}
);
