// Command ids are listed once (src/commands/ids.ts). The manifest's commands, menus, walkthrough
// links and completion events must name exactly those, and no source file types an id out.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_NAMES, COMMANDS } from '../../src/commands/ids';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string }[]> };
};
const ids = new Set<string>(Object.values(COMMANDS));

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file, extension) : file.endsWith(extension) ? [file] : [];
  });
}

describe('command ids', () => {
  it('are the manifest\'s commands, each once, each with a localized title', () => {
    const contributed = manifest.contributes.commands.map(({ command }) => command);
    assert.deepStrictEqual([...contributed].sort(), [...ids].sort());
    assert.equal(new Set(contributed).size, contributed.length);
    assert.equal(COMMAND_NAMES.length, ids.size);
    for (const { command, title } of manifest.contributes.commands) assert.match(title, /^%command\.\w+%$/, command);
  });

  it('every menu entry names one of them', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const { command } of entries) assert.ok(ids.has(command), `${menu}: ${command}`);
    }
  });

  it('every command link and onCommand event (manifest, walkthrough pages, lesson texts) names one of them', () => {
    const texts = [
      ['package.json', readFileSync('package.json', 'utf8')],
      ...filesUnder('media', '.md').map((file) => [file, readFileSync(file, 'utf8')]),
      ...filesUnder('src', '.ts').map((file) => [file, readFileSync(file, 'utf8')]),
    ];
    let links = 0;
    for (const [file, text] of texts) {
      for (const match of text.matchAll(/(?:command:|onCommand:)(neuralNetworkLab\.[A-Za-z]+)/g)) {
        links++;
        assert.ok(ids.has(match[1]), `${file}: ${match[0]}`);
      }
    }
    assert.ok(links > 10, `found ${links} links`);
  });

  it('no source file types out an id: code says COMMANDS.name', () => {
    const typed = new RegExp(`['"\`]neuralNetworkLab\\.(${COMMAND_NAMES.join('|')})['"\`]`);
    for (const file of [...filesUnder('src', '.ts'), ...filesUnder('webview', '.ts')]) {
      if (file === path.join('src', 'commands', 'ids.ts')) continue;
      assert.doesNotMatch(readFileSync(file, 'utf8'), typed, file);
    }
  });
});
