// Bundles the extension host, the training worker, the plain-Node core and the webview with esbuild,
// and the same extension for VS Code for the Web (dist/web/extension.js, package.json `browser`).
// `--production` minifies and drops source maps (what the VSIX ships); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lemmatizerData } from './lemmatizer-data.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// mainFields: jsonc-parser's UMD entry hides its requires from esbuild; its ESM entry bundles cleanly.
const common = { bundle: true, mainFields: ['module', 'main'], minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };

/**
 * `import source from 'worker-source:training'` → the web worker bundle's text. A web extension
 * installed from a remote or a gallery may not start a Worker from its own files
 * (microsoft/vscode#144235), so src/platform/web starts its workers from Blobs of these texts.
 * Built inside onLoad, so watch mode rebuilds the extension when a worker's sources change.
 */
const WEB_WORKERS = { training: 'src/platform/web/trainingWorker.ts', parse: 'src/platform/web/parseWorker.ts' };

/** One web worker's bundle as text (the benchmark runs the training one in Chromium as the web bundle would). */
export async function buildWebWorker(name, { minify = production } = {}) {
  const entry = WEB_WORKERS[name];
  if (!entry) throw new Error(`no web worker named ${name}`);
  const result = await esbuild.build({
    ...common, entryPoints: [entry], write: false, metafile: true, platform: 'browser', format: 'iife', target: 'es2022',
    mainFields: ['browser', 'module', 'main'], minify, sourcemap: minify ? false : 'inline',
  });
  return { text: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

const workerSourcePlugin = {
  name: 'worker-source',
  setup(build) {
    build.onResolve({ filter: /^worker-source:/ }, (args) => ({ path: args.path.slice('worker-source:'.length), namespace: 'worker-source' }));
    build.onLoad({ filter: /.*/, namespace: 'worker-source' }, async (args) => {
      const worker = await buildWebWorker(args.path);
      return { contents: worker.text, loader: 'text', watchFiles: worker.inputs };
    });
  },
};

const builds = [
  { ...common, entryPoints: { extension: 'src/platform/node/extension.ts', worker: 'src/platform/node/trainingWorker.ts', 'parse-worker': 'src/platform/node/parseWorker.ts' }, outdir: 'dist',
    platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' },
  // The web extension host is a Web Worker: no Node modules, CommonJS as VS Code loads it.
  { ...common, entryPoints: { extension: 'src/platform/web/extension.ts' }, outdir: 'dist/web', platform: 'browser', format: 'cjs', target: 'es2022',
    mainFields: ['browser', 'module', 'main'], external: ['vscode'], plugins: [workerSourcePlugin] },
  { ...common, entryPoints: { webview: 'webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', target: 'es2022' },
];

// Run as a script, not when imported (the benchmark imports buildWebWorker).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync('dist', { recursive: true });
  cpSync('webview/style.css', 'dist/webview.css');
  // The lemmatizer's word lists as data: read through workspace.fs by the text commands, desktop and web.
  writeFileSync('dist/lemmatizer-data.json', JSON.stringify(lemmatizerData()));
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    console.log('watching…');
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
  }
}
