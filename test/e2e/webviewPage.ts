// Shared harness for the webview's browser tests: serves the real, built webview bundle
// (dist/webview.js + dist/webview.css) to Debian's Chromium under the same strict CSP the
// extension uses. Only the host is mocked: a stub acquireVsCodeApi records what the webview
// posts, and host messages arrive as window messages just as VS Code delivers them.
// Run after `npm run build` and `npx tsc -p .`.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ErrorPoint, LayerParameters } from '../../src/core/types';
import type { HostMessage, RunInfo } from '../../src/protocol';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser).
declare const window: any;
declare const document: any;
declare function requestAnimationFrame(callback: () => void): number;

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');

export type Theme = 'dark' | 'light';
export type View = 'panel' | 'sidebar';

/** The variables VS Code's Dark Modern / Light Modern themes give a webview (the ones we use). */
export const THEMES: Record<Theme, Record<string, string>> = {
  dark: {
    'foreground': '#cccccc', 'descriptionForeground': '#9d9d9d', 'editor-background': '#1f1f1f', 'sideBar-background': '#181818',
    'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
    'charts-yellow': '#cca700', 'charts-red': '#f14c4c', 'editorWidget-border': '#454545', 'panel-border': '#2b2b2b',
    'focusBorder': '#0078d4', 'errorForeground': '#f85149', 'editorWarning-foreground': '#cca700',
    'inputValidation-warningBackground': '#352a05', 'textLink-foreground': '#4daafc', 'textBlockQuote-background': '#2b2b2b',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
    'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
    'settings-textInputBackground': '#313131', 'settings-textInputBorder': '#3c3c3c', 'settings-textInputForeground': '#cccccc',
    'settings-checkboxBackground': '#313131', 'settings-checkboxBorder': '#3c3c3c', 'settings-checkboxForeground': '#cccccc',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
    'testing-iconPassed': '#73c991', 'disabledForeground': '#cccccc80',
  },
  light: {
    'foreground': '#3b3b3b', 'descriptionForeground': '#717171', 'editor-background': '#ffffff', 'sideBar-background': '#f8f8f8',
    'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
    'charts-yellow': '#bf8803', 'charts-red': '#e51400', 'editorWidget-border': '#c8c8c8', 'panel-border': '#e5e5e5',
    'focusBorder': '#005fb8', 'errorForeground': '#f85149', 'editorWarning-foreground': '#bf8803',
    'inputValidation-warningBackground': '#f6f5d2', 'textLink-foreground': '#005fb8', 'textBlockQuote-background': '#f8f8f8',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
    'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
    'settings-textInputBackground': '#ffffff', 'settings-textInputBorder': '#cecece', 'settings-textInputForeground': '#3b3b3b',
    'settings-checkboxBackground': '#f8f8f8', 'settings-checkboxBorder': '#cecece', 'settings-checkboxForeground': '#3b3b3b',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
    'testing-iconPassed': '#388a34', 'disabledForeground': '#61616180',
  },
};
const COMMON_VARIABLES = {
  'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
  'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
};

function themeCss(theme: Theme, view: View): string {
  const variables = { ...COMMON_VARIABLES, ...THEMES[theme] };
  const lines = Object.entries(variables).map(([name, value]) => `  --vscode-${name}: ${value};`);
  const background = view === 'sidebar' ? 'sideBar-background' : 'editor-background';
  return `:root {\n${lines.join('\n')}\n}\nhtml { background: var(--vscode-${background}); }\n`;
}

/** The host's HTML (src/views), with this server's origin standing in for webview.cspSource (and, given one, a translation bundle as VS Code passes it). */
function pageHtml(origin: string, nonce: string, view: View, theme: Theme, l10n?: string): string {
  const bundle = l10n ? ` data-l10n="${l10n.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)}"` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${origin} data:; style-src ${origin}; font-src ${origin}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${origin}/theme/${theme}-${view}.css" rel="stylesheet">
<link href="${origin}/dist/webview.css" rel="stylesheet"><title>Neural Network Lab</title></head>
<body class="vscode-${theme}" data-view="${view}"${bundle}><div id="app"></div><script nonce="${nonce}" src="${origin}/dist/webview.js"></script></body></html>`;
}

function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(body);
    };
    const theme = url.pathname.match(/^\/theme\/(dark|light)-(panel|sidebar)\.css$/);
    if (url.pathname === '/page') {
      const view = url.searchParams.get('view') === 'sidebar' ? 'sidebar' : 'panel';
      const themeName = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
      send('text/html', pageHtml(origin, randomBytes(16).toString('base64'), view, themeName, url.searchParams.get('l10n') ?? undefined));
    } else if (theme) {
      send('text/css', themeCss(theme[1] as Theme, theme[2] as View));
    } else if (url.pathname === '/dist/webview.js' || url.pathname === '/dist/webview.css') {
      const file = path.join(ROOT, url.pathname);
      send(file.endsWith('.js') ? 'text/javascript' : 'text/css', readFileSync(file));
    } else if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end(); // browsers ask for it; a webview never shows one
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

// ---- Host messages like the extension sends them ----

export function runInfo(runId: string, overrides: Partial<RunInfo['settings']> = {}, testRows = 0): RunInfo {
  return {
    runId, datasetUri: 'file:///work/tutorial.nn.json', datasetName: 'tutorial.nn.json',
    settings: { learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 42, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid', ...overrides },
    trainRows: 8, testRows, startedAt: 1_700_000_000_000,
  };
}

/** A curve shaped like the tutorial's: falls, then wobbles on a plateau around 2. */
export function errorCurve(from: number, count: number, step = 100, scale = 1): ErrorPoint[] {
  return Array.from({ length: count }, (_, index) => {
    const iteration = (from + index) * step;
    return [iteration, scale * (2 + 2.2 * Math.exp(-iteration / 1500) + 0.15 * Math.sin(iteration / 230))] as ErrorPoint;
  });
}

export const TUTORIAL_PARAMETERS: LayerParameters[] = [{ weights: [[1.4532167, -0.6612345]], biases: [0.0123456789] }];

export function progress(runId: string, points: ErrorPoint[], iteration: number, testPoints: ErrorPoint[] = [], parameters: LayerParameters[] = TUTORIAL_PARAMETERS): HostMessage {
  return { type: 'progress', runId, datasetUri: 'file:///work/tutorial.nn.json', points, testPoints, iteration, stepsPerSecond: 48250, parameters };
}

export const DEFAULTS = { learningRate: 0.1, iterations: 10000, hiddenLayers: [] as number[], activation: 'sigmoid' as const };
export const EMPTY_STATE: HostMessage = { type: 'state', runs: [], defaults: DEFAULTS };

export interface WebviewHarness {
  /** Opens a fresh page of the view; the previous one is checked and closed by afterEach. */
  open(view?: View, theme?: Theme, width?: number, l10n?: Record<string, string>): Promise<Page>;
  readonly page: Page;
  send(message: HostMessage): Promise<void>;
  posted(): Promise<Array<{ type: string } & Record<string, unknown>>>;
  /** Waits two animation frames: long enough for every frame-throttled redraw to land. */
  nextFrames(): Promise<void>;
}

/**
 * Registers before/after hooks in the calling describe(): one Chromium for the suite, a page per
 * test, and after each test a check that the page saw no CSP violation, console error or page error.
 */
export function useWebviewHarness(): WebviewHarness {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let page: Page | undefined;
  let problems: string[] = [];

  before(async function () {
    ({ server, origin } = await startServer());
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(RESULTS, { recursive: true });
  });

  after(async function () {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  afterEach(async function () {
    if (!page) return;
    const current = page;
    page = undefined;
    const violations: string[] = await current.evaluate(() => window.__cspViolations);
    await current.close();
    assert.deepEqual([...violations, ...problems], [], 'no CSP violations, console errors or page errors');
  });

  const requirePage = (): Page => {
    if (!page) throw new Error('open() a page first');
    return page;
  };

  return {
    get page() {
      return requirePage();
    },
    async open(view = 'panel', theme = 'dark', width = view === 'sidebar' ? 260 : 960, l10n?: Record<string, string>) {
      const opened = await browser.newPage({ viewport: { width, height: view === 'sidebar' ? 760 : 1100 } });
      page = opened;
      problems = [];
      opened.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await opened.addInitScript(() => {
        // The only mock: the host side of acquireVsCodeApi.
        let acquired = 0;
        let saved: unknown;
        window.__posted = [];
        window.__trainRequestIds = [];
        window.__cspViolations = [];
        window.acquireVsCodeApi = () => {
          if (acquired++ > 0) throw new Error('acquireVsCodeApi called twice');
          return {
            postMessage: (message: unknown) => {
              const copy = JSON.parse(JSON.stringify(message));
              if (copy?.type === 'train' && typeof copy.requestId === 'number') {
                // Like the host: every Train gets its answer (unless a test holds it back with __answerTrain = false).
                // __posted keeps the request without its id, so tests compare what the learner asked for.
                const { requestId, ...request } = copy;
                window.__trainRequestIds.push(requestId);
                window.__posted.push(request);
                if (window.__answerTrain !== false) setTimeout(() => window.postMessage({ type: 'trainHandled', requestId }, '*'), 0);
              } else {
                window.__posted.push(copy);
              }
            },
            getState: () => saved,
            setState: (state: unknown) => { saved = state; },
          };
        };
        document.addEventListener('securitypolicyviolation', (event: any) => {
          window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      await opened.goto(`${origin}/page?view=${view}&theme=${theme}${l10n ? `&l10n=${encodeURIComponent(JSON.stringify(l10n))}` : ''}`);
      await opened.waitForFunction(() => window.__posted.length > 0);
      return opened;
    },
    send: (message) => requirePage().evaluate((data) => window.postMessage(data, '*'), message),
    posted: () => requirePage().evaluate(() => window.__posted),
    nextFrames: () => requirePage().evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))),
  };
}
