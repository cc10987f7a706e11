/// <reference lib="dom" />

/** What `h` takes as children: nodes, text (always as text nodes), nothing, or nested lists of those. */
export type Child = Node | string | null | undefined | false | readonly Child[];

/** Attributes, event listeners and a class for `h`. */
export interface Props {
  class?: string;
  /** Attributes as strings; `true` sets an empty attribute, `false` or undefined leaves it out. */
  attrs?: Record<string, string | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Append children to a node; strings become text nodes, so nothing is ever parsed as HTML. */
export function append(parent: Node, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
    else append(parent, ...child);
  }
}

/** Create an element with props and children: `h('button', { class: 'primary', on: { click } }, 'Approve')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class !== undefined && props.class !== '') element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, ...children);
  return element;
}

/**
 * Make `parent`'s children exactly `nodes`, moving only what changed: nodes already in place stay
 * put, so a focused button or a half-typed input survives a re-render.
 */
export function reconcile(parent: Element, nodes: readonly Node[]): void {
  const wanted = new Set(nodes);
  for (const child of [...parent.childNodes]) if (!wanted.has(child)) child.remove();
  nodes.forEach((node, index) => {
    const current = parent.childNodes[index];
    if (current !== node) parent.insertBefore(node, current ?? null);
  });
}

let counter = 0;

/** A fresh id for label/aria wiring. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Elements kept by key across renders, so a control the person just used (and its focus) survives
 * the re-render its own click caused: `kept.get('nav-dm', () => h('button', …))`.
 */
export class Kept<E extends HTMLElement> {
  private readonly elements = new Map<string, E>();

  /** The element of `key`, created once. */
  get(key: string, create: () => E): E {
    const existing = this.elements.get(key);
    if (existing !== undefined) return existing;
    const element = create();
    this.elements.set(key, element);
    return element;
  }
}
