/**
 * A small reader for the XML request bodies S3 operations take (CreateBucketConfiguration,
 * ServerSideEncryptionConfiguration): elements, text and the predefined and numeric entities;
 * namespace prefixes are dropped. Not a general XML parser (no DTDs, CDATA or attributes).
 */

/** An element: its local name, child elements and direct text. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The document's root element, or undefined when the text is not well-formed. */
export function parseXml(source: string): XmlElement | undefined {
  const body = source.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^>]*?)?)(\/?)>|([^<]+)|(<)/g;
  for (let match = token.exec(body); match !== null; match = token.exec(body)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray !== undefined) return undefined;
    const top = stack.at(-1);
    if (text !== undefined) {
      if (top) top.text += decodeEntities(text);
      else if (text.trim() !== '') return undefined;
      continue;
    }
    if (name === undefined) continue;
    if (closing === '/') {
      if (!top || top.name !== localName(name)) return undefined;
      stack.pop();
      continue;
    }
    const element: XmlElement = { name: localName(name), children: [], text: '' };
    if (top) top.children.push(element);
    else if (root) return undefined;
    else root = element;
    if (selfClosing !== '/') stack.push(element);
  }
  return stack.length === 0 ? root : undefined;
}

/** The first child element named `name`. */
export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** The trimmed text of the first child element named `name`. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  return childOf(element, name)?.text.trim();
}
