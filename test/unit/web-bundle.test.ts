// The web bundle (package.json `browser`) must load in VS Code for the Web's extension host, a Web
// Worker: nothing but `vscode` may be required, and no Node module or global may be used, in the
// extension or in the workers inlined into it as text. (That it really runs there, and starts its
// workers from Blobs, is test/e2e/web.e2e.test.ts's job.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('web bundle (dist/web/extension.js)', () => {
  const file = path.join(root, manifest.browser ?? '');
  const bundle = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : '';

  it('is the `browser` entry of package.json, beside the Node `main`', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.ok(bundle.length > 0, `${manifest.browser} was not built (npm run build)`);
    assert.notEqual(path.resolve(root, manifest.main), file);
  });

  it('requires nothing but vscode', () => {
    const required = new Set([...bundle.matchAll(/\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((match) => match[2]));
    assert.deepEqual([...required], ['vscode']);
    assert.doesNotMatch(bundle, /\brequire\(\s*[^'"`\s)]/, 'a computed require');
  });

  it('names no Node module: no node: specifier, worker_threads or child_process', () => {
    for (const pattern of [/['"`]node:[a-z_/]+['"`]/, /worker_threads/, /child_process/]) assert.doesNotMatch(bundle, pattern);
  });

  it('uses no Node global', () => {
    for (const pattern of [/\bprocess\.(env|argv|platform|cwd|exit|on|nextTick|versions?)\b/, /\bBuffer\.(from|alloc|concat|isBuffer)\b/, /\b__dirname\b/, /\b__filename\b/, /\bsetImmediate\(/]) {
      assert.doesNotMatch(bundle, pattern);
    }
  });
});
