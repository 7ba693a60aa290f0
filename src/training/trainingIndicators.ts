// What the workbench shows of the training sessions: the `neuralNetworkLab.training` context key
// (Stop in the palette and title bars) and the status-bar item. Both are derived from the
// sessions' states each time they change, never kept on their own.
import * as vscode from 'vscode';
import type { SessionState } from './runSessions';
import type { TrainingRun } from './trainingRun';
import { baseName } from '../uriName';
import { COMMANDS } from '../commands/ids';

export const TRAINING_CONTEXT_KEY = 'neuralNetworkLab.training';
/** The percentage in the status bar moves at this pace while a run trains. */
const STATUS_UPDATE_MS = 250;

export interface SessionStatus {
  state: SessionState;
  run?: TrainingRun;
  pending?: { datasetUri: vscode.Uri };
}

export class TrainingIndicators implements vscode.Disposable {
  private readonly statusBar = vscode.window.createStatusBarItem('neuralNetworkLab.training', vscode.StatusBarAlignment.Left, 10);
  private timer: ReturnType<typeof setInterval> | undefined;
  private shown: SessionStatus[] = [];
  /** Whether the item is shown (show() too is a message to the workbench each time). */
  private visible = false;
  /** The value last given to the context key. */
  contextValue = false;

  constructor() {
    this.statusBar.name = vscode.l10n.t('Neural Network Training');
    this.statusBar.command = COMMANDS.showTrainingPanel;
  }

  /** `sessions`: the sessions that are not idle, oldest first. */
  show(sessions: SessionStatus[]): void {
    this.shown = sessions;
    const busy = sessions.length > 0;
    if (busy !== this.contextValue) {
      this.contextValue = busy;
      void vscode.commands.executeCommand('setContext', TRAINING_CONTEXT_KEY, busy);
    }
    this.render();
    if (busy && !this.timer) this.timer = setInterval(() => this.render(), STATUS_UPDATE_MS);
    if (!busy && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** The newest busy session in words: "Starting training …", "Training … 42%", "Stopping training …". */
  private render(): void {
    const newest = this.shown[this.shown.length - 1];
    if (!newest) {
      if (this.visible) this.statusBar.hide();
      this.visible = false;
      return;
    }
    const others = this.shown.length > 1 ? ` (+${this.shown.length - 1})` : '';
    if (newest.state === 'running' && newest.run) {
      const done = Math.min(1, newest.run.iteration / newest.run.info.settings.iterations);
      // A still icon: a spinning one redraws the workbench at 60 frames a second for the whole run, and
      // where the browser composites in software (code-server, VMs) with a view open, its compositor
      // thread took ~63% of a core for it, ~18% without (npm run bench -- workbench measures the
      // frames). The percentage shows it is alive.
      this.set(`$(pulse) ${vscode.l10n.t('Training {0} {1}%', newest.run.info.datasetName, Math.floor(done * 100))}${others}`,
        vscode.l10n.t('Neural Network Lab is training. Click to show the Training panel.'));
    } else {
      const name = newest.pending ? baseName(newest.pending.datasetUri) : newest.run?.info.datasetName ?? '';
      const starting = newest.state === 'starting';
      this.set(`$(loading~spin) ${starting ? vscode.l10n.t('Starting training {0}…', name) : vscode.l10n.t('Stopping training {0}…', name)}${others}`,
        starting ? vscode.l10n.t('Neural Network Lab: starting training {0}.', name) : vscode.l10n.t('Neural Network Lab: stopping training {0}.', name));
    }
    if (!this.visible) this.statusBar.show();
    this.visible = true;
  }

  /** Only what changed: each assignment is a message to the workbench and a redraw of the item, 4 times a second. */
  private set(text: string, tooltip: string): void {
    if (this.statusBar.text !== text) this.statusBar.text = text;
    if (this.statusBar.tooltip !== tooltip) this.statusBar.tooltip = tooltip;
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.statusBar.dispose();
  }
}
