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

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG twin of el(): SVG elements need their namespace, and presentation stays in CSS classes. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, AttributeValue> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'style') throw new Error('svgEl(): use classes in webview.css, not style attributes');
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Sets an attribute, or removes it for undefined: keeps data-* attributes exact for tests and tools. */
export function setOrRemove(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * A translated sentence with elements in it: `template` is an l10n.t message whose {0}, {1}, …
 * stand for `parts` (numbers in spans, code), so a translation can move them where its grammar puts them.
 */
export function sentence(template: string, ...parts: Child[]): Child[] {
  return template.split(/(\{\d+\})/).map((piece) => {
    const match = /^\{(\d+)\}$/.exec(piece);
    return match && Number(match[1]) < parts.length ? parts[Number(match[1])] : piece;
  });
}
