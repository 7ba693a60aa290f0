// Every string the host passes to vscode.l10n.t is in the English bundle translators start from,
// so a new message cannot be forgotten there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { bundleLocalizer, englishLocalizer } from '../../src/l10n';

const root = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('localization', () => {
  it('has every vscode.l10n.t string in l10n/bundle.l10n.json', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const used = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'webview'))].flatMap((file) =>
      // vscode.l10n.t in the host; l10n.t (src/l10n.ts) in modules that must not import vscode and in the webview.
      [...fs.readFileSync(file, 'utf8').matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\')));
    assert.ok(used.length >= 20, `found ${used.length} localized strings`);
    assert.deepStrictEqual(used.filter((text) => !(text in bundle)), []);
  });

  // The modules whose every English sentence reaches the learner: the dataset parser's problems, the
  // bag-of-words and feature-cross messages, the parameters pane. Two words or more in a string or
  // template literal outside l10n.t is a sentence nobody can translate. Exempt: JSON examples in
  // UPPER_CASE constants and `shape` hints, thrown errors (a bug report, not a learner's message),
  // comparisons, object keys, CSS classes and the `reason` codes the messages are chosen by.
  it('passes every sentence of the dataset parser, bag of words, feature crosses and parameters pane through l10n.t', () => {
    const files = [
      ...sourceFiles(path.join(root, 'src', 'dataset')).filter((file) => !file.endsWith('format.ts')),
      ...['src/text/bagOfWords.ts', 'src/core/features.ts', 'webview/parameters.ts'].map((file) => path.join(root, file)),
    ];
    const english = files.flatMap((file) => untranslatedSentences(file).map((text) => `${path.relative(root, file)}: ${text}`));
    assert.ok(files.length >= 12, `${files.length} files`);
    assert.deepStrictEqual(english, []);
  });

  it('has a title for every command in package.nls.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = (manifest.contributes.commands as { title: string }[]).map((command) => command.title.replace(/^%|%$/g, ''));
    assert.deepStrictEqual(keys.filter((key) => !(key in nls)), []);
  });

  it('translates the webview by the bundle the host puts in the page, English where it has none', () => {
    const german = bundleLocalizer({ 'Training {0}: iteration {1} of {2}, {3} steps per second, {4}.': 'Training von {0}: Iteration {1} von {2}, {3} Schritte pro Sekunde, {4}.', Prediction: 'Vorhersage', odd: 3 });
    assert.equal(german.t('Prediction'), 'Vorhersage');
    assert.equal(german.t('Training {0}: iteration {1} of {2}, {3} steps per second, {4}.', 'a.nn.json', 5, 10, 7, 'x'), 'Training von a.nn.json: Iteration 5 von 10, 7 Schritte pro Sekunde, x.');
    assert.equal(german.t('Row {0}', 3), 'Row 3', 'a message the bundle lacks stays English');
    assert.equal(german.t('odd'), 'odd', 'a non-string entry is ignored');
    assert.equal(german.t('toString'), 'toString', 'only the bundle\'s own entries');
    assert.equal(englishLocalizer.t('{0} of {1}', 1), '1 of {1}', 'a missing argument leaves its placeholder');
  });
});

const SENTENCE = /[A-Za-z]{2,}[^A-Za-z\n]*\s[^A-Za-z\n]*[A-Za-z]{2,}/;

function untranslatedSentences(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const exempt = (node: ts.Node): boolean => {
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isImportDeclaration(parent) || ts.isTypeNode(parent) || ts.isNewExpression(parent)) return true;
      if (ts.isCallExpression(parent) && parent.expression.getText(source) === 'l10n.t') return true;
      if (ts.isPropertyAssignment(parent) && (parent.name === child || /^(class|reason)$/.test(parent.name.getText(source)))) return true;
      if (ts.isCaseClause(parent)) return true;
      if (ts.isBinaryExpression(parent) && /^[!=]==?$/.test(parent.operatorToken.getText(source))) return true;
      if (ts.isVariableDeclaration(parent) && /^([A-Z_]+|shape)$/.test(parent.name.getText(source))) return true;
      if (ts.isBlock(parent)) return false;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text
      : ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ') : undefined;
    if (text !== undefined && SENTENCE.test(text) && !text.includes('\n') && !exempt(node)) found.push(text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
