// Shipping budgets: the VSIX and the extension bundle stay small; the lemmatizer's word lists
// are data of their own (dist/lemmatizer-data.json). Builds the production VSIX (npm run package) and measures it.
import { execSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
execSync('npm run package --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const size = (file) => statSync(path.join(root, file)).size;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const budgets = [
  ['VSIX (dist-vsix/neural-network-lab.vsix)', size('dist-vsix/neural-network-lab.vsix'), 2 * 1024 * 1024],
  ['dist/extension.js (minified)', size('dist/extension.js'), 200 * 1024],
];
console.log('package: shipping budgets');
for (const [name, bytes, budget] of budgets) {
  console.log(`  ${name}: ${kib(bytes)}   budget < ${kib(budget)}: ${bytes < budget ? 'OK' : 'OVER'}`);
}
console.log(`  loaded on demand only: dist/lemmatizer-data.json ${kib(size('dist/lemmatizer-data.json'))}, dist/webview.js ${kib(size('dist/webview.js'))} (in the webview)`);
