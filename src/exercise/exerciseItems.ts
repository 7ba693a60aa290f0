// The Testing view's tree: one item per Python file that defines the tutorial's functions, one
// child per function (the class's methods under a NeuralNetwork item), each on its def line so
// pass/fail marks and run buttons appear in the gutter. The exercise file (neural_network.py)
// lists every function, a missing one included; any other *.py lists the ones it defines.
import * as vscode from 'vscode';
import { EXERCISE_FILE_NAME, EXERCISE_FUNCTIONS, NETWORK_CLASS, type ExerciseFunctionId } from './functions';
import { findDefinitions } from './pythonSource';

export interface FileItems {
  uri: vscode.Uri;
  item: vscode.TestItem;
  classItem?: vscode.TestItem;
  functions: Map<ExerciseFunctionId, vscode.TestItem>;
}

const FUNCTION_SEPARATOR = '#';

export function isExerciseFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${EXERCISE_FILE_NAME}`);
}

export function isPythonDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && (document.languageId === 'python' || document.uri.path.endsWith('.py'));
}

export class ExerciseItems {
  private readonly files = new Map<string, FileItems>();
  /** Which function each item stands for (class items stand for all the methods). */
  private readonly ids = new WeakMap<vscode.TestItem, ExerciseFunctionId[]>();
  private readonly owners = new WeakMap<vscode.TestItem, FileItems>();

  constructor(private readonly controller: vscode.TestController) {}

  get all(): FileItems[] {
    return [...this.files.values()];
  }

  byUri(uri: vscode.Uri): FileItems | undefined {
    return this.files.get(uri.toString());
  }

  /** The file and functions an item (file, class or function) stands for. */
  resolve(item: vscode.TestItem): { file: FileItems; ids: ExerciseFunctionId[] } | undefined {
    const file = this.owners.get(item);
    const ids = this.ids.get(item);
    return file && ids ? { file, ids } : undefined;
  }

  /** Creates, updates or removes a file's items from its current text. */
  update(uri: vscode.Uri, text: string): FileItems | undefined {
    const found = findDefinitions(text);
    const exercise = isExerciseFile(uri);
    if (!exercise && found.functions.size === 0) {
      this.remove(uri);
      return undefined;
    }
    const key = uri.toString();
    let file = this.files.get(key);
    if (!file) {
      const item = this.controller.createTestItem(key, vscode.workspace.asRelativePath(uri, false), uri);
      file = { uri, item, functions: new Map() };
      this.files.set(key, file);
      this.controller.items.add(item);
      this.owners.set(item, file);
    }
    const wanted = EXERCISE_FUNCTIONS.filter((fn) => exercise || found.functions.has(fn.id));
    const methods = wanted.filter((fn) => fn.className);
    if (methods.length > 0) {
      if (!file.classItem) {
        file.classItem = this.controller.createTestItem(`${key}${FUNCTION_SEPARATOR}${NETWORK_CLASS}`, NETWORK_CLASS, uri);
        this.owners.set(file.classItem, file);
      }
      file.classItem.range = found.classLine === undefined ? undefined : lineRange(found.classLine);
      file.classItem.sortText = '3';
      this.ids.set(file.classItem, methods.map((fn) => fn.id));
    } else {
      file.classItem = undefined;
    }
    const children: vscode.TestItem[] = [];
    const classChildren: vscode.TestItem[] = [];
    wanted.forEach((fn) => {
      let item = file!.functions.get(fn.id);
      if (!item) {
        item = this.controller.createTestItem(`${key}${FUNCTION_SEPARATOR}${fn.id}`, fn.name, uri);
        file!.functions.set(fn.id, item);
        this.owners.set(item, file!);
        this.ids.set(item, [fn.id]);
      }
      const line = found.functions.get(fn.id);
      item.range = line === undefined ? undefined : lineRange(line);
      item.sortText = String(EXERCISE_FUNCTIONS.indexOf(fn)).padStart(2, '0');
      (fn.className ? classChildren : children).push(item);
    });
    for (const id of [...file.functions.keys()]) if (!wanted.some((fn) => fn.id === id)) file.functions.delete(id);
    if (file.classItem) {
      file.classItem.children.replace(classChildren);
      children.push(file.classItem);
    }
    file.item.children.replace(children);
    this.ids.set(file.item, wanted.map((fn) => fn.id));
    return file;
  }

  /** Moves items to the def lines Python's own parser found. */
  placeAt(file: FileItems, lines: Map<ExerciseFunctionId, number>, classLine: number | undefined): void {
    for (const [id, line] of lines) {
      const item = file.functions.get(id);
      if (item) item.range = lineRange(line);
    }
    if (file.classItem && classLine !== undefined) file.classItem.range = lineRange(classLine);
  }

  remove(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.files.delete(key)) return;
    this.controller.items.delete(key);
  }
}

function lineRange(line: number): vscode.Range {
  return new vscode.Range(line, 0, line, 0);
}
