// Past maxCodeLenses rows, lenses go only to the rows on screen or within half a screen of it, and
// move with the screen when it scrolls (src/editor/datasetCodeLensProvider.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, lensesForSteadyRange, openDataset } from './helpers';

describe('Lenses past maxCodeLenses rows', function () {
  this.timeout(60000);

  it('go to the rows within half a screen of the visible ones, with a note on "rows", and move with a scroll', async () => {
    await activeApi();
    const settings = vscode.workspace.getConfiguration('neuralNetworkLab');
    await settings.update('maxCodeLenses', 100, vscode.ConfigurationTarget.Global);
    try {
      const rows = Array.from({ length: 600 }, (_, i) => ({ input: [i % 5, (i % 3) / 10], target: i % 2 }));
      const document = await openDataset({ features: ['x1', 'x2'], rows });
      const editor = await vscode.window.showTextDocument(document);
      const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const predictLines = (some: vscode.CodeLens[]) =>
        some.filter((lens) => lens.command?.command === 'neuralNetworkLab.predictRow').map((lens) => lens.range.start.line);

      const settled = async (until: (lines: number[]) => boolean) => {
        const { lenses: all, visible } = await lensesForSteadyRange(editor, lenses, (some) => until(predictLines(some)));
        return { lines: predictLines(all), visible, all };
      };
      const expectNear = ({ lines, visible }: { lines: number[]; visible: vscode.Range }, firstRowLine: number, lastRowLine: number) => {
        const half = Math.ceil((visible.end.line - visible.start.line + 1) / 2);
        const expected: number[] = [];
        // A row's lens sits on its line, one row a line; the margin ends at the start of its last line.
        for (let line = Math.max(firstRowLine, visible.start.line - half); line < Math.min(lastRowLine + 1, visible.end.line + half); line++) expected.push(line);
        assert.deepStrictEqual(lines, expected, `visible ${visible.start.line}-${visible.end.line}`);
      };

      const text = document.getText().split('\n');
      const firstRowLine = text.findIndex((line) => line.includes('"input"'));
      const lastRowLine = firstRowLine + rows.length - 1;
      const top = await settled((lines) => lines.length > 0);
      expectNear(top, firstRowLine, lastRowLine);
      assert.ok(top.lines.length < 100, `${top.lines.length} rows with lenses`);
      assert.ok(top.all.some((lens) => /Predict All covers every row/.test(lens.command?.title ?? '')), 'the note on "rows" says Predict All covers every row');

      // Scrolled to the middle: the lenses are placed by the range on screen now.
      editor.revealRange(new vscode.Range(firstRowLine + 300, 0, firstRowLine + 300, 0), vscode.TextEditorRevealType.AtTop);
      const middle = await settled((lines) => lines.length > 0 && lines[0] > firstRowLine + 200);
      expectNear(middle, firstRowLine, lastRowLine);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await settings.update('maxCodeLenses', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
