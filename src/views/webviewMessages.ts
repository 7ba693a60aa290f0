// What the host sends a view that opens, and what it does with a (validated) view message.
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../protocol';
import type { Services } from '../services';
import { readUserDefaults } from '../commands/train';

export function currentState(services: Services): HostMessage {
  const defaults = readUserDefaults();
  const latest = services.training.latest;
  return {
    type: 'state',
    runs: services.training.views(),
    prediction: services.lastPrediction,
    explanation: services.lastExplanation,
    defaults: {
      learningRate: latest?.info.settings.learningRate ?? defaults.learningRate,
      iterations: latest?.info.settings.iterations ?? defaults.iterations,
    },
  };
}

export function handleWebviewMessage(services: Services, message: WebviewMessage): void {
  const latest = services.training.latest;
  const datasetUri = latest ? vscode.Uri.parse(latest.info.datasetUri) : undefined;
  switch (message.type) {
    case 'train':
      void vscode.commands.executeCommand('neuralNetworkLab.train', datasetUri, {
        learningRate: message.learningRate,
        iterations: message.iterations,
      });
      return;
    case 'stop':
      void services.training.stop();
      return;
    case 'reset':
      services.training.clearFinished();
      services.lastPrediction = undefined;
      services.lastExplanation = undefined;
      services.hub.refreshAll();
      return;
    case 'step':
      void vscode.window.showInformationMessage('Step-by-step training arrives with the SGD step debugger.');
      return;
    case 'ready':
      return;
  }
}
