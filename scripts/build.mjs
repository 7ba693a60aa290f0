// Bundles the extension host, the training worker, the plain-Node core and the webview with esbuild.
// `--production` minifies and drops source maps (what the VSIX ships); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// mainFields: jsonc-parser's UMD entry hides its requires from esbuild; its ESM entry bundles cleanly.
const common = { bundle: true, mainFields: ['module', 'main'], minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };

const builds = [
  { ...common, entryPoints: { extension: 'src/platform/node/extension.ts', worker: 'src/platform/node/trainingWorker.ts', 'parse-worker': 'src/platform/node/parseWorker.ts' }, outdir: 'dist',
    platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' },
  // The lemmatizer's word lists are megabytes: a bundle of their own, loaded only by the text commands.
  { ...common, entryPoints: { lemmatizer: 'src/text/lemmatizer.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, minify: true },
  { ...common, entryPoints: { webview: 'webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', target: 'es2022' },
];

mkdirSync('dist', { recursive: true });
cpSync('webview/style.css', 'dist/webview.css');
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
