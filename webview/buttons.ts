// VS Code styled buttons (@vscode-elements), shared by the controls, the lesson and the panes.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';

export function button(id: string, text: string, secondary: boolean, ariaLabel?: string): VscodeButton {
  const element = document.createElement('vscode-button');
  element.id = id;
  element.secondary = secondary;
  element.textContent = text;
  if (ariaLabel) element.setAttribute('aria-label', ariaLabel);
  return element;
}

/**
 * A disabled vscode-button leaves the tab order; the attribute is what it reads. Only a real change
 * touches it: every attribute write makes the custom element render again.
 */
export function setDisabled(element: HTMLElement, disabled: boolean): void {
  if (element.hasAttribute('disabled') === disabled) return;
  if (disabled) element.setAttribute('disabled', '');
  else element.removeAttribute('disabled');
}
