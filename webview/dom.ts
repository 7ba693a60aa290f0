// Tiny DOM builder. The webview runs under a strict CSP (no inline styles, no inline handlers),
// so every element is created here with attributes and text only; styling comes from webview.css.

type Child = Node | string | number | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;

/** Creates an element; `true` attributes are set empty, `false`/null/undefined are skipped. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, AttributeValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    // A style attribute would be blocked by the CSP: refuse it early so the mistake is obvious.
    if (name === 'style') throw new Error('el(): use classes in webview.css, not style attributes');
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Looks an element up by id and fails loudly: the layout is built by this code, so a miss is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`webview: element #${id} missing`);
  return found;
}
