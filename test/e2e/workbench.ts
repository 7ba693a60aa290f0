// E2E fixture: the packaged VSIX installed into an isolated code-server (no smoke-test driver, so toasts show),
// driven through Debian chromium with playwright-core. ONE server + ONE browser are shared by all e2e test files
// (mocha root hooks below; this module is loaded with `--require` from test/e2e/.mocharc.json); each
// openWorkbench() opens a new window (its own extension host) in a fresh browser context (its own storage, so
// no workbench/extension global state carries over from other tests) on a fresh workspace folder. Shared across
// windows: the server's user settings and extensions dir.
//
// Env: NNL_VSIX (default dist-vsix/neural-network-lab.vsix), NNL_HEADED=1 (visible browser),
//      NNL_KEEP_STATE=1 (keep server state dirs), NNL_HARNESS_DEBUG=1 (server output + browser console).
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import type * as Harness from '../harness/code-server';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser; tsconfig has no DOM lib).
declare const document: any;
declare function getComputedStyle(element: any): any;
type Element = any;
type HTMLIFrameElement = any;

export const ROOT = path.resolve(__dirname, '..', '..', '..'); // out/test/e2e -> repo root
// Plain CommonJS shared with the scripts (not compiled): loaded from the source tree.
const harness: typeof Harness = require(path.join(ROOT, 'test', 'harness', 'code-server.js'));

export const EXTENSION_ID = 'neural-network-lab.neural-network-lab';
export const RESULTS_DIR = path.join(ROOT, 'test-results');

interface Shared {
  server: Harness.CodeServer;
  browser: Browser;
  newContext: Awaited<ReturnType<typeof Harness.launchSharedBrowser>>['newContext'];
  closeBrowser(): Promise<void>;
  userDataDir: string;
  extensionsDir: string;
  stateDir: string;
  vsix: string;
}

let shared: Promise<Shared> | undefined;
const openPages = new Set<Page>();

/** Starts (once) the shared code-server with the VSIX installed, and the shared browser. */
export function sharedWorkbench(): Promise<Shared> {
  shared ??= (async () => {
    const vsix = path.resolve(process.env.NNL_VSIX || path.join(ROOT, 'dist-vsix', 'neural-network-lab.vsix'));
    const stateDir = harness.makeTempDir('nnl-e2e-');
    const dirs = { userDataDir: path.join(stateDir, 'ud'), extensionsDir: path.join(stateDir, 'exts') };
    const t0 = Date.now();
    harness.installExtension(vsix, dirs);
    const server = await harness.startCodeServer({ ...dirs, smokeTestDriver: false, echo: !!process.env.NNL_HARNESS_DEBUG });
    const browser = await harness.launchSharedBrowser();
    console.log(`    [e2e] ${path.relative(ROOT, vsix)} installed, code-server ${server.origin} (pid ${server.pid}), chromium up in ${Date.now() - t0} ms`);
    return { server, browser: browser.browser, newContext: browser.newContext, closeBrowser: browser.close, ...dirs, stateDir, vsix };
  })();
  return shared;
}

/**
 * The web variant (started on first use): a second code-server on the same extensions dir whose user
 * settings run the lab in the browser's Web Worker extension host, as VS Code for the Web does.
 * Without the setting, an extension with both `main` and `browser` runs in code-server's Node host.
 */
let webServer: Promise<Harness.CodeServer> | undefined;
export const WEB_HOST_SETTINGS = { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } };
function sharedWebServer(): Promise<Harness.CodeServer> {
  webServer ??= (async () => {
    const s = await sharedWorkbench();
    const t0 = Date.now();
    const server = await harness.startCodeServer({
      userDataDir: path.join(s.stateDir, 'ud-web'), extensionsDir: s.extensionsDir, settings: WEB_HOST_SETTINGS, echo: !!process.env.NNL_HARNESS_DEBUG,
    });
    console.log(`    [e2e] web-host code-server ${server.origin} (pid ${server.pid}) up in ${Date.now() - t0} ms`);
    return server;
  })();
  return webServer;
}

/** Stops the shared browser and servers (by PID). */
export async function closeSharedWorkbench(): Promise<void> {
  if (!shared) return;
  const s = await shared.catch(() => undefined);
  shared = undefined;
  const web = await webServer?.catch(() => undefined);
  webServer = undefined;
  await web?.stop();
  if (!s) return;
  await s.closeBrowser();
  await s.server.stop();
  if (!process.env.NNL_KEEP_STATE) fs.rmSync(s.stateDir, { recursive: true, force: true });
}

/** Mocha root hooks: one server + browser for the whole e2e run. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    await sharedWorkbench();
  },
  /** a failed test leaves a screenshot of every open workbench in test-results/ */
  async afterEach(this: Mocha.Context) {
    if (this.currentTest?.state !== 'failed') return;
    let i = 0;
    for (const page of openPages) {
      const file = await screenshot(page, `FAILED ${this.currentTest.fullTitle()}${i++ ? ` ${i}` : ''}`).catch(() => undefined);
      if (file) console.log(`    [e2e] screenshot: ${path.relative(ROOT, file)}`);
    }
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await closeSharedWorkbench();
  },
};

/** `code-server --list-extensions --show-versions` of the shared server's extensions dir. */
export async function installedExtensions(): Promise<string[]> {
  const s = await sharedWorkbench();
  return harness.listExtensions({ userDataDir: s.userDataDir, extensionsDir: s.extensionsDir });
}

export interface Workbench {
  page: Page;
  /** Console lines of the browser's Web Worker extension host (the web variant's extensions log there). */
  extensionHostConsole: string[];
  /** the workspace folder (a temp dir; removed by close()) */
  workspace: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** extra files written into the workspace: { 'relative/path': string | Buffer | JSON value } */
  workspaceFiles?: Record<string, string | Buffer | object>;
  /** copy media/datasets/*.nn.json into the workspace (default true) */
  datasets?: boolean;
  /** a file to open once the workbench is up (quick open) */
  open?: string;
  /** 'web': the lab runs in the browser's Web Worker extension host (the web-host server), not in Node */
  host?: 'node' | 'web';
}

/**
 * Opens a new workbench window on a fresh workspace folder. Resolves when the workbench is rendered and the
 * remote file system is up (the explorer lists the workspace). The extension itself activates lazily: wait
 * for an effect of it (a command in the palette, a view, a lens, a notification).
 */
export async function openWorkbench(options: OpenOptions = {}): Promise<Workbench> {
  const s = await sharedWorkbench();
  const workspace = harness.makeWorkspace({ files: options.workspaceFiles, datasets: options.datasets ?? true, prefix: 'nnl-e2e-ws-' });
  // a browser context of its own: no workbench or extension global state (IndexedDB) shared with other windows
  const origin = options.host === 'web' ? (await sharedWebServer()).origin : s.server.origin;
  const context = await s.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const extensionHostConsole: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('[Extension Host]')) extensionHostConsole.push(m.text());
    if (process.env.NNL_HARNESS_DEBUG) console.error(`[browser ${m.type()}] ${m.text()}`);
  });
  openPages.add(page);
  const close = async () => {
    openPages.delete(page);
    await context.close().catch(() => undefined);
    fs.rmSync(workspace, { recursive: true, force: true });
  };
  try {
    await page.goto(harness.workbenchUrl(origin, workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const first = fs.readdirSync(workspace).sort()[0];
    if (first) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: first }).first().waitFor({ timeout: 60_000 });
    }
    if (options.open) await openFile(page, options.open);
  } catch (e) {
    await screenshot(page, 'openWorkbench-failure').catch(() => undefined);
    await close();
    throw e;
  }
  return { page, workspace, extensionHostConsole, close };
}

/** Label texts of the rows the quick input shows right now. */
async function quickInputRows(page: Page): Promise<{ labels: string[]; focused?: string; message: string }> {
  return page.evaluate(() => {
    const w = document.querySelector('.quick-input-widget');
    const rows = [...(w?.querySelectorAll('.quick-input-list .monaco-list-row') ?? [])];
    const label = (r: Element) => (r.querySelector('.label-name')?.textContent ?? '').trim();
    const focused = rows.find((r) => r.classList.contains('focused'));
    return {
      labels: rows.map(label),
      focused: focused ? label(focused) : undefined,
      message: (w?.querySelector('.quick-input-message')?.textContent ?? '') + (w?.querySelector('.quick-input-list')?.textContent?.includes('No matching') ? ' No matching commands' : ''),
    };
  });
}

/**
 * Runs a command through the command palette (F1). `title` is the palette label, "Category: Title"
 * (e.g. "Neural Network: Train Network"). Waits for the row with exactly that label, focuses it and presses Enter.
 * Retries (Escape, 1 s, reopen) while the palette says "No matching commands": contributions of a freshly
 * opened window register late and the palette list never refreshes.
 */
export async function runCommand(page: Page, title: string, { timeout = 30_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastSeen: string[] = [];
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>' + title);
    const tryUntil = Math.min(deadline, Date.now() + 5_000);
    while (Date.now() < tryUntil) {
      const rows = await quickInputRows(page);
      lastSeen = rows.labels;
      if (rows.focused === title) {
        await page.keyboard.press('Enter');
        return;
      }
      const index = rows.labels.indexOf(title);
      if (index >= 0) {
        // the wanted row is there but not the first: move the focus onto it
        for (let i = 0; i < 20; i++) {
          await page.keyboard.press('ArrowDown');
          if ((await quickInputRows(page)).focused === title) { await page.keyboard.press('Enter'); return; }
        }
      }
      await page.waitForTimeout(200);
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_000);
  }
  throw new Error(`runCommand: no palette entry "${title}" within ${timeout} ms (last rows: ${JSON.stringify(lastSeen.slice(0, 10))})`);
}

/** All palette labels that match `filter` (palette opened with F1, then closed again with Escape; optionally a screenshot while open). */
export async function paletteEntries(page: Page, filter: string, { settleMs = 1_000, screenshotName = '' } = {}): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + filter);
  await page.waitForTimeout(settleMs);
  const { labels } = await quickInputRows(page);
  if (screenshotName) await screenshot(page, screenshotName);
  await page.keyboard.press('Escape');
  return labels.filter(Boolean);
}

/** The editor tab (in any group) whose label is `name`. */
export function editorTab(page: Page, name: string): Locator {
  return page.locator(`.tabs-container .tab[aria-label="${cssString(name)}"], .tabs-container .tab[aria-label^="${cssString(name)},"]`).first();
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab to be the active one. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor();
}

/** Opens a file by clicking it in the Explorer and waits for its editor tab to be the active one. */
export async function openFileFromExplorer(page: Page, name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor();
}

/** Waits until a notification containing `text` shows (as a toast, or else in the Notification Center). */
export async function waitForNotification(page: Page, text: string | RegExp, { timeout = 30_000 } = {}): Promise<Locator> {
  const anywhere = page.locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item', { hasText: text });
  try {
    await anywhere.first().waitFor({ state: 'visible', timeout });
    return anywhere.first();
  } catch (e) {
    // a toast may have hidden itself already: look in the Notification Center (opened through the status bar bell)
    const centerOpen = await page.evaluate(() => !!document.querySelector('.notifications-center.visible'));
    if (!centerOpen) await page.locator('[id="status.notifications"]').click().catch(() => undefined);
    const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 3_000 });
      return item;
    } catch {
      throw new Error(`waitForNotification: no notification matching ${text} within ${timeout} ms`);
    }
  }
}

/** Texts of all notifications currently shown as toasts or in the (already open) Notification Center. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-toast, .notifications-center .notification-list-item')]
    .map((n: Element) => ((n.querySelector('.notification-list-item-message') ?? n).innerText ?? '').trim()));
}

/**
 * The content frame of the webview shown under `title`:
 *  - a WebviewPanel: the active editor tab with that label (`createWebviewPanel(..., title, ...)`);
 *  - a WebviewView: the side-bar/panel view whose section header is `title` (a collapsed section is expanded),
 *    or a view container whose title contains `title` when the container shows a single view.
 * Webviews live in overlay iframes outside the editor/view DOM, so the match is geometric: the visible
 * `iframe.webview` whose centre lies inside the panel's editor area or the view's body. Returns the inner
 * `#active-frame` FrameLocator (the extension's HTML). Make the panel/view visible first (e.g. via its command).
 */
export async function webviewFrame(page: Page, { title, timeout = 30_000 }: { title: string; timeout?: number }): Promise<FrameLocator> {
  const deadline = Date.now() + timeout;
  let expanded = false;
  for (;;) {
    const found = await page.evaluate(findWebview, title);
    if (found.name) {
      return page.frameLocator(`iframe.webview[name="${cssString(found.name)}"]`).frameLocator('#active-frame');
    }
    if (found.collapsedHeader && !expanded) {
      expanded = true;
      await page.locator('.pane-header[aria-expanded="false"]', { has: page.locator('h3.title', { hasText: title }) }).first().click();
    }
    if (Date.now() > deadline) throw new Error(`webviewFrame: no visible webview titled "${title}" within ${timeout} ms`);
    await page.waitForTimeout(250);
  }
}

// Runs in the page.
function findWebview(title: string): { name?: string; collapsedHeader?: boolean } {
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const areas: Element[] = [];
  let collapsedHeader = false;
  // WebviewView: a section of a view container (explorer, own activity bar container, panel)
  for (const h of document.querySelectorAll('.pane-header')) {
    if ((h.querySelector('h3.title')?.textContent ?? '').trim() !== title) continue;
    const pane = h.closest('.pane');
    const body = pane?.querySelector('.pane-body');
    if (h.getAttribute('aria-expanded') === 'false') collapsedHeader = true;
    if (body && visible(body)) areas.push(body);
  }
  // single-view container: the header is hidden; the part's title carries the name
  for (const part of document.querySelectorAll('.part.sidebar, .part.panel, .part.auxiliarybar')) {
    const h2 = (part.querySelector('.composite.title .title-label h2')?.textContent ?? '').trim().toLowerCase();
    const content = part.querySelector('.content');
    if (h2 && h2.includes(title.toLowerCase()) && content && visible(content)) areas.push(content);
  }
  // WebviewPanel: the active tab of an editor group
  for (const tab of document.querySelectorAll('.tab.active')) {
    const label = tab.getAttribute('aria-label') ?? '';
    if (label !== title && !label.startsWith(title + ',')) continue;
    const container = tab.closest('.editor-group-container')?.querySelector('.editor-container');
    if (container && visible(container)) areas.push(container);
  }
  const frames = [...document.querySelectorAll('iframe.webview')].filter(visible) as HTMLIFrameElement[];
  for (const area of areas) {
    const a = area.getBoundingClientRect();
    for (const f of frames) {
      const r = f.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      if (cx >= a.left && cx <= a.right && cy >= a.top && cy <= a.bottom) return { name: f.name };
    }
  }
  return { collapsedHeader };
}

/** Saves a PNG of the page to test-results/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Escapes a value for a double-quoted CSS attribute selector. */
function cssString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
