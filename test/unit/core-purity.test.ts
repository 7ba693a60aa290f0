// src/core (the math) and src/dataset (the file format) must run in a browser or worker as well as
// in Node and must be replayable from a seed: no vscode, no Node modules or globals, no Math.random.
// The core takes nothing but types from the dataset format.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

for (const [folder, expected] of [['src/core', 'network.ts'], ['src/dataset', 'index.ts']]) describe(`${folder} stays pure`, () => {
  const directory = path.resolve(folder);
  const files = fs.readdirSync(directory).filter((name) => name.endsWith('.ts'));

  it('has source files to check', () => {
    assert.ok(files.includes(expected), `found ${files.join(', ')}`);
  });

  for (const name of files) {
    it(`${name} imports neither vscode nor Node, and never calls Math.random`, () => {
      // Comments may name what the code avoids ("never Math.random"), so only code is checked.
      const source = fs.readFileSync(path.join(directory, name), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      assert.doesNotMatch(source, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, 'imports vscode');
      assert.doesNotMatch(source, /['"]node:/, 'imports a node: module');
      assert.doesNotMatch(source, /from\s+['"](fs|path|os|crypto|worker_threads|child_process|util|events)['"]/, 'imports a Node built-in');
      assert.doesNotMatch(source, /\b(process|Buffer|__dirname|__filename|require)\b\s*[.(]/, 'uses a Node global');
      assert.doesNotMatch(source, /Math\s*\.\s*random/, 'uses Math.random');
      if (folder === 'src/core') assert.doesNotMatch(source, /import\s+(?!type\b)[^;]*from\s+['"]\.\.\/dataset/, 'imports a value from src/dataset');
    });
  }
});
