// Lenses after an edit that cannot move a row (src/dataset/rowLayout.ts): placed at once from the
// last parse's rows, shifted, and corrected only when the parse of the edited text disagrees.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, lensesForSteadyRange, openDataset, waitFor } from './helpers';

const lensesOf = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);

describe('Lenses after an edit, before its parse', function () {
  this.timeout(60000);

  it('a digit typed, a target typed out of range, "rows" renamed: lenses at once, then as the parse says', async () => {
    const api = await activeApi();
    // The editor's own lens requests off: what the provider placed last is what this test asked for.
    const editorSettings = vscode.workspace.getConfiguration('editor');
    await editorSettings.update('codeLens', false, vscode.ConfigurationTarget.Global);
    try {
      const rows = Array.from({ length: 3000 }, (_, i) => ({ input: [i % 7, (i % 11) / 10], target: i % 2 }));
      const document = await openDataset({ features: ['x1', 'x2'], rows });
      const editor = await vscode.window.showTextDocument(document);
      const firstRowLine = document.getText().split('\n').findIndex((line) => line.includes('"input"'));
      const lineOfRow = (row: number) => firstRowLine + row;
      const rowLenses = (lenses: vscode.CodeLens[]) =>
        lenses.filter((lens) => lens.command?.command === 'neuralNetworkLab.predictRow').map((lens) => ({ row: lens.command!.arguments![1] as number, line: lens.range.start.line }));
      // Asked in the same turn as the edit's end, before the parse it schedules (100 ms later) can run.
      const carriedRows = async () => {
        const lenses = await api.lensesNow(document);
        assert.strictEqual(api.lensPlacement().placedBy, 'carried');
        return lenses.filter((lens) => 'row' in lens && (lens as { action?: string }).action === 'predict').map((lens) => ({ row: (lens as unknown as { row: number }).row, line: lens.range.start.line }));
      };
      const note = (lenses: vscode.CodeLens[]) => lenses.find((lens) => lens.command?.command === 'neuralNetworkLab.predictAll')?.command?.title ?? '';
      const at = (row: number, text: string, after: number) => new vscode.Position(lineOfRow(row), document.lineAt(lineOfRow(row)).text.indexOf(text) + after);
      await waitFor('the first lenses', async () => (await lensesOf(document.uri)).length > 0);
      await waitFor('the parse of the opened file', async () => (await lensesOf(document.uri), api.lensPlacement().placedBy === 'parse'));
      const corrections = () => api.lensPlacement().correctionsAfterParse;

      // Row 5 is {"input":[5,0.5],…}: 5 becomes 57. Nothing moves, nothing is asked for again.
      const beforeDigit = corrections();
      await editor.edit((edit) => edit.insert(at(5, '[', 2), '7'));
      const carried = await carriedRows();
      assert.ok(carried.some(({ row }) => row === 5));
      for (const { row, line } of carried) assert.strictEqual(line, lineOfRow(row), `row ${row}`);
      let lenses = await lensesOf(document.uri);
      for (const { row, line } of rowLenses(lenses)) assert.strictEqual(line, lineOfRow(row), `row ${row}`);
      await waitFor('the parse of the digit', async () => (await lensesOf(document.uri), api.lensPlacement().placedBy === 'parse'));
      assert.strictEqual(corrections(), beforeDigit, 'the parse agreed: the lenses were not asked for again');
      assert.ok(api.lastParse().rowsOnly, 'the digit was inside row 5: only that row was read again');

      // Row 7's target 1 becomes 7: the row is out of range, so the parse drops it and its lenses.
      const beforeTypo = corrections();
      const target = at(7, '"target":', '"target":'.length);
      await editor.edit((edit) => edit.replace(new vscode.Range(target, target.translate(0, 1)), '7'));
      assert.ok((await carriedRows()).some(({ row, line }) => row === 7 && line === lineOfRow(7)), 'until the parse, row 7 keeps its place');
      await waitFor('the diagnostic', () => vscode.languages.getDiagnostics(document.uri).some((d) => /outside \[0, 1\]/.test(d.message)));
      assert.ok(api.lastParse().rowsOnly, 'row 7 alone was read again, and the parse still found its error');
      assert.strictEqual(corrections(), beforeTypo + 1, 'the parse dropped row 7: lenses asked for again');
      lenses = await lensesOf(document.uri);
      assert.ok(!rowLenses(lenses).some(({ row }) => row === 7), 'no Predict on the row with the error');
      assert.match(note(lenses), /2,999 rows/);
      for (const { row, line } of rowLenses(lenses)) assert.strictEqual(line, lineOfRow(row), `row ${row}`);

      // "rows" renamed "rowsz": no dataset any more, so no lenses once the parse is in.
      const beforeRename = corrections();
      const key = new vscode.Position(lineOfRow(-1), document.lineAt(lineOfRow(-1)).text.indexOf('"rows"') + 5);
      await editor.edit((edit) => edit.insert(key, 'z'));
      await carriedRows();
      // Ours: VS Code's JSON service reports the missing "rows" too, sometimes first.
      await waitFor('the diagnostic', () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'Neural Network Lab' && /"rows"/.test(d.message)));
      assert.strictEqual(api.lastParse().rowsOnly, false, 'an edit outside the rows is parsed in full');
      assert.strictEqual(corrections(), beforeRename + 1);
      assert.deepStrictEqual(await lensesOf(document.uri), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await editorSettings.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('lenses on or within a screen of the visible rows come titled; the others are titled when resolved', async () => {
    await activeApi();
    // 600 rows, under maxCodeLenses: every row gets lenses, most of them far off screen.
    const rows = Array.from({ length: 600 }, (_, i) => ({ input: [i % 5, (i % 3) / 10], target: i % 2 }));
    const document = await openDataset({ features: ['x1', 'x2'], rows });
    const editor = await vscode.window.showTextDocument(document);
    const rowsKeyLine = document.getText().split('\n').findIndex((line) => line.includes('"rows"'));
    const rowLenses = (lenses: vscode.CodeLens[]) => lenses.filter((lens) => lens.range.start.line > rowsKeyLine);
    // Without a resolve count nothing is resolved: what comes titled was titled by provideCodeLenses.
    const provided = async () => rowLenses(await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri));
    await waitFor('the lenses', async () => (await provided()).length === rows.length * 2);
    const { lenses, visible } = await lensesForSteadyRange(editor, provided);
    const screen = visible.end.line - visible.start.line + 1;
    const near = lenses.filter((lens) => lens.range.start.line >= visible.start.line - screen && lens.range.start.line < visible.end.line + screen);
    const far = lenses.filter((lens) => lens.range.start.line > visible.end.line + screen);
    assert.ok(near.length >= 2 * (visible.end.line - rowsKeyLine) && far.length > 0, `${near.length} near, ${far.length} far`);
    assert.ok(near.every((lens) => lens.command?.title), 'every lens within a screen of the visible rows is titled');
    assert.ok(far.every((lens) => lens.command === undefined), 'lenses further down are left for resolveCodeLens');
    // Resolved, the far ones read like the near ones.
    const resolved = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10000);
    const titles = (some: vscode.CodeLens[]) => new Set(some.map((lens) => lens.command?.title));
    assert.strictEqual(resolved.length, 1 + rows.length * 2);
    assert.deepStrictEqual(titles(rowLenses(resolved).filter((lens) => lens.range.start.line > visible.end.line + screen)), titles(near));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
