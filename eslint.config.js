import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Pure computation must run in Node tests: no Svelte, no DOM-bound modules. */
const pureFolders = [
	'src/lib/geometry/**',
	'src/lib/filters/**',
	'src/lib/metrics/**',
	'src/lib/engine/**',
	'src/lib/exercises/**',
	'src/lib/sim/**',
	'src/lib/pose/keypoints.ts'
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
		files: pureFolders,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*'],
							message: 'Pure modules must not import Svelte.'
						},
						{
							group: ['**/camera/**', '**/ui/**'],
							message: 'Pure modules must not import DOM code.'
						}
					]
				}
			],
			'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'HTMLElement']
		}
	},
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
