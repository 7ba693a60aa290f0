// Feature engineering for real: the tutorial's lemmatization and bag of words on the learner's
// own text, and a dataset made from labelled sentences that the tutorial's network can train on.
import * as vscode from 'vscode';
import { bagOfWords, sentencesToDataset, tokenize, type Lemmatize } from '../text/bagOfWords';
import { createLemmatizer } from '../text/lemmatizer';
import { checkLemmatizerData } from '../text/morphy';
import { baseName } from '../uriName';
import type { BagOfWordsView } from '../protocol';
import type { Services } from '../services';
import { openUntitledDataset } from './openDataset';

export const SAMPLE_SENTENCES = ['She watches the match while he is watching the news', 'They watched three matches and loved watching them'];

let lemmatizer: Promise<Lemmatize> | undefined;
/**
 * The word lists (about 0.9 MB of JSON) load on first use, never at activation, through
 * workspace.fs: a web extension host cannot `require` a file, but it can read one.
 */
function loadLemmatizer(services: Services): Promise<Lemmatize> {
  lemmatizer ??= (async () => {
    const file = vscode.Uri.joinPath(services.extensionUri, 'dist', 'lemmatizer-data.json');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    return createLemmatizer(checkLemmatizerData(JSON.parse(text)));
  })();
  // A failed load is not kept: the next command tries again.
  lemmatizer.catch(() => (lemmatizer = undefined));
  return lemmatizer;
}

export async function bagOfWordsCommand(services: Services, text?: unknown): Promise<BagOfWordsView> {
  const editor = vscode.window.activeTextEditor;
  const selected = typeof text === 'string' ? text : editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const sentences = (selected.trim() ? selected.split(/(?<=[.!?])\s+|\n+/) : SAMPLE_SENTENCES).map((sentence) => sentence.trim()).filter((sentence) => tokenize(sentence).length > 0).slice(0, 50);
  const bag = bagOfWords(sentences, await loadLemmatizer(services));
  const view: BagOfWordsView = { sentences, ...bag };
  services.panel.show(true);
  services.views.set('bag', view);
  void vscode.commands.executeCommand('setContext', 'neuralNetworkLab.done.bag_of_words', true);
  return view;
}

/** Opens the dataset as a new untitled *.nn.json: nothing is written until the learner saves it. */
export async function createDatasetFromSentences(services: Services, source?: unknown): Promise<vscode.Uri | undefined> {
  let text: string;
  let name = 'sentences';
  const editor = vscode.window.activeTextEditor;
  if (typeof source === 'string') {
    text = source;
  } else if (editor && /\t/.test(editor.document.getText()) && !editor.document.uri.path.endsWith('.nn.json')) {
    text = editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
    name = baseName(editor.document.uri).replace(/\.[^.]*$/, '') || name;
  } else {
    const sample = vscode.Uri.joinPath(services.extensionUri, 'media', 'datasets', 'sentences.tsv');
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sample));
  }
  const result = sentencesToDataset(text, await loadLemmatizer(services), { source: `${name}.tsv` });
  if (!result.text) {
    const first = result.problems.slice(0, 3).map((problem) => (problem.line ? `line ${problem.line}: ${problem.message}` : problem.message));
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot make a dataset from these sentences. {0} Each line should be "label<TAB>sentence" with label 0 or 1.', first.join(' ')));
    return undefined;
  }
  // New sentences make a new dataset: it replaces an earlier untitled one of the same name.
  return (await openUntitledDataset(`${name}.nn.json`, result.text, true)).document.uri;
}
