// src/core must run in a browser or worker as well as in Node and must be replayable from a seed:
// no vscode, no Node modules or globals, no Math.random.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const coreDirectory = path.resolve('src/core');

describe('src/core stays pure', () => {
  const files = fs.readdirSync(coreDirectory).filter((name) => name.endsWith('.ts'));

  it('has source files to check', () => {
    assert.ok(files.includes('network.ts') && files.includes('random.ts'), `found ${files.join(', ')}`);
  });

  for (const name of files) {
    it(`${name} imports neither vscode nor Node, and never calls Math.random`, () => {
      // Comments may name what the code avoids ("never Math.random"), so only code is checked.
      const source = fs.readFileSync(path.join(coreDirectory, name), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      assert.doesNotMatch(source, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, 'imports vscode');
      assert.doesNotMatch(source, /['"]node:/, 'imports a node: module');
      assert.doesNotMatch(source, /from\s+['"](fs|path|os|crypto|worker_threads|child_process|util|events)['"]/, 'imports a Node built-in');
      assert.doesNotMatch(source, /\b(process|Buffer|__dirname|__filename|require)\b\s*[.(]/, 'uses a Node global');
      assert.doesNotMatch(source, /Math\s*\.\s*random/, 'uses Math.random');
    });
  }
});
