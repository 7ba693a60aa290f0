// What the host sends a view that opens, and what it does with a (validated) view message.
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../protocol';
import type { Services } from '../services';
import { readUserDefaults } from '../commands/train';
import { resetStepper, step } from '../commands/teaching';
import { COMMANDS } from '../commands/ids';

export function currentState(services: Services): HostMessage {
  const defaults = readUserDefaults();
  const latest = services.training.latest;
  return {
    type: 'state',
    runs: services.training.views(),
    panes: services.views.all(),
    boundary: services.training.latestBoundary(),
    sessions: services.training.sessionsView(),
    defaults: {
      learningRate: latest?.info.settings.learningRate ?? defaults.learningRate,
      iterations: latest?.info.settings.iterations ?? defaults.iterations,
      hiddenLayers: latest?.info.settings.hiddenLayers ?? defaults.hiddenLayers,
      activation: latest?.info.settings.activation ?? defaults.activation,
    },
  };
}

export function handleWebviewMessage(services: Services, message: WebviewMessage): void {
  const latest = services.training.latest;
  const datasetUri = latest ? vscode.Uri.parse(latest.info.datasetUri) : undefined;
  switch (message.type) {
    case 'train': {
      // The panel keeps Train busy until this answer: the run started, or it did not (and the learner was told why).
      const { requestId } = message;
      const answer = (runId?: unknown) => {
        if (requestId !== undefined) services.hub.broadcast({ type: 'trainHandled', requestId, runId: typeof runId === 'string' ? runId : undefined });
      };
      vscode.commands.executeCommand(COMMANDS.train, datasetUri, {
        learningRate: message.learningRate,
        iterations: message.iterations,
        hiddenLayers: message.hiddenLayers,
        activation: message.activation,
      }).then(answer, () => answer());
      return;
    }
    case 'stop':
      void services.training.stop();
      return;
    case 'reset':
      services.training.clearFinished();
      services.views.clear('prediction', 'explanation');
      resetStepper(services);
      services.hub.refreshAll();
      return;
    case 'step':
      void step(services);
      return;
    case 'runTo':
      void step(services, undefined, message.iteration);
      return;
    case 'inspect': {
      const snapshot = services.training.byId(message.runId)?.parameterSnapshotNear(message.iteration);
      if (snapshot) services.hub.broadcast({ type: 'parameterSnapshot', runId: message.runId, ...snapshot });
      return;
    }
    case 'openExercise':
      void vscode.commands.executeCommand(COMMANDS.createExerciseFile, message.function);
      return;
    case 'ready':
      return;
  }
}
