// A small XML reader for the Taobao Open Platform's `format=xml` answers. TOP's XML is plain:
// elements and text, no namespaces or mixed content, JSON strings entity-encoded inside leaves.
// DOMParser does not exist in an MV3 service worker, hence this reader.
//
// The result mirrors TOP's JSON form: an element with child elements becomes an object, a leaf
// becomes its decoded text, and a name repeated among siblings becomes an array (a single child
// stays an object — callers accept both, as they must for JSON too). Attributes are ignored.

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

export class XmlError extends Error {}

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** Decodes the five XML entities and numeric character references; unknown entities stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

interface Frame {
  name: string;
  obj: XmlObject;
  hasChildren: boolean;
  text: string;
}

/** Arrays made from repeated siblings, so a third sibling appends instead of nesting. */
type Repeated = WeakSet<XmlValue[]>;

function add(obj: XmlObject, name: string, value: XmlValue, repeated: Repeated): void {
  const prev = obj[name];
  if (prev === undefined) obj[name] = value;
  else if (Array.isArray(prev) && repeated.has(prev)) prev.push(value);
  else {
    const arr: XmlValue[] = [prev, value];
    repeated.add(arr);
    obj[name] = arr;
  }
}

/**
 * Parses an XML document into `{ rootName: value }`. Throws XmlError on malformed input
 * (unclosed or mismatched tags, text outside the root); callers turn that into a typed error.
 */
export function parseXml(text: string): XmlObject {
  const root: XmlObject = {};
  const repeated: Repeated = new WeakSet();
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;
  let sawRoot = false;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) {
      const top = stack[stack.length - 1];
      if (top) top.text += chunk;
      else if (chunk.trim()) throw new XmlError(`text outside the root element at ${i}`);
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0) throw new XmlError('unterminated CDATA section');
      const top = stack[stack.length - 1];
      if (!top) throw new XmlError('CDATA outside the root element');
      // Protect CDATA from entity decoding by encoding its ampersands first.
      top.text += text.slice(lt + 9, end).replace(/&/g, '&amp;');
      i = end + 3;
    } else if (text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlError('unterminated declaration');
      i = end + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlError('unterminated closing tag');
      const name = text.slice(lt + 2, end).trim();
      const frame = stack.pop();
      if (!frame || frame.name !== name) {
        throw new XmlError(`closing tag </${name}> does not match <${frame?.name ?? '(none)'}>`);
      }
      const value: XmlValue = frame.hasChildren ? frame.obj : decodeEntities(frame.text.trim());
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.hasChildren = true;
        add(parent.obj, name, value, repeated);
      } else {
        if (sawRoot) throw new XmlError('more than one root element');
        sawRoot = true;
        root[name] = value;
      }
      i = end + 1;
    } else {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlError('unterminated tag');
      const selfClosing = text[end - 1] === '/';
      const inner = text.slice(lt + 1, selfClosing ? end - 1 : end);
      const name = /^[^\s/>]+/.exec(inner)?.[0];
      if (!name) throw new XmlError(`empty tag name at ${lt}`);
      if (selfClosing) {
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.hasChildren = true;
          add(parent.obj, name, '', repeated);
        } else {
          if (sawRoot) throw new XmlError('more than one root element');
          sawRoot = true;
          root[name] = '';
        }
      } else {
        if (!stack.length && sawRoot) throw new XmlError('more than one root element');
        stack.push({ name, obj: {}, hasChildren: false, text: '' });
      }
      i = end + 1;
    }
  }
  if (stack.length) throw new XmlError(`unclosed element <${stack[stack.length - 1]!.name}> (truncated?)`);
  if (!sawRoot) throw new XmlError('no root element');
  return root;
}
