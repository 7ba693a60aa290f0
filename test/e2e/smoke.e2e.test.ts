// E2E smoke test: the packaged VSIX is installed into code-server and its contributions reach the workbench UI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_ID, ROOT, installedExtensions, openWorkbench, paletteEntries, type Workbench } from './workbench';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nlsFile = path.join(ROOT, 'package.nls.json');
const nls: Record<string, string> = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
const localize = (s: string) => s.replace(/^%(.+)%$/, (m, key: string) => nls[key] ?? m);

interface CommandContribution { command: string; title: string; category?: string; enablement?: string }
// Commands the palette lists in any window: not hidden by a `when` in menus.commandPalette, no enablement clause.
const hiddenInPalette = new Set<string>(
  (manifest.contributes?.menus?.commandPalette ?? []).filter((e: { when?: string }) => e.when).map((e: { command: string }) => e.command));
const paletteTitles: string[] = ((manifest.contributes?.commands ?? []) as CommandContribution[])
  .filter((c) => !hiddenInPalette.has(c.command) && !c.enablement)
  .map((c) => (c.category ? `${localize(c.category)}: ` : '') + localize(c.title));

describe('e2e smoke: packaged extension in code-server', function () {
  this.timeout(120_000);
  let wb: Workbench | undefined;

  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('is installed from the VSIX', async () => {
    const list = await installedExtensions();
    assert.ok(list.includes(`${EXTENSION_ID}@${manifest.version}`), `installed: ${list.join(', ') || '(none)'}`);
  });

  it('lists its commands in the command palette', async function () {
    if (paletteTitles.length === 0) {
      console.log('    (the manifest contributes no palette command yet)');
      this.skip();
    }
    const page = wb!.page;
    const prefix = paletteTitles[0].split(':')[0];
    let seen: string[] = [];
    const deadline = Date.now() + 60_000;
    // contributions of a freshly opened window register late: reopen the palette until they are there
    while (Date.now() < deadline) {
      seen = await paletteEntries(page, prefix, { screenshotName: 'smoke-palette' });
      if (paletteTitles.every((t) => seen.includes(t))) break;
      await page.waitForTimeout(1_000);
    }
    for (const t of paletteTitles) assert.ok(seen.includes(t), `"${t}" missing from the palette; it shows ${JSON.stringify(seen)}`);
  });

  it('lists Check My Code in the Node extension host (only the web entry hides it)', async () => {
    // contributions of a freshly opened window register late (run alone, no test before this one waited)
    let seen: string[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      seen = await paletteEntries(wb!.page, 'Neural Network: Check My Code');
      if (seen.includes('Neural Network: Check My Code')) break;
      await wb!.page.waitForTimeout(1_000);
    }
    assert.ok(seen.includes('Neural Network: Check My Code'), JSON.stringify(seen));
  });
});
