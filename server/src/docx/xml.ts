// A small element tree of the XML parts of a .docx. Names are local (the `w:` prefix dropped):
// Word's parts use one namespace per prefix, and the reader skips drawings, where other
// vocabularies live. Hand-written rather than saxes: saxes adds 64 KB to each bundle (29 KB
// minified, measured), which the Node server's 1 MB budget has no room for; the parts Word,
// WPS, LibreOffice and python-docx write are machine-written XML (elements, attributes, the
// five entities and character references, CDATA, comments, declarations), and anything
// malformed is an error the caller reports as a damaged file.

export interface XmlElement {
  /** Local name: `p` for `w:p`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== '#') {
      if (!(e in ENTITIES)) throw new Error(`unknown entity ${m}`);
      return ENTITIES[e];
    }
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(cp >= 0 && cp <= 0x10ffff)) throw new Error(`bad character reference ${m}`);
    return String.fromCodePoint(cp);
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses one XML part; throws on malformed XML (the caller reports the file as damaged). */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk && stack.length > 1) stack[stack.length - 1].children.push(decode(chunk));
    else if (chunk.trim() && stack.length === 1) throw new Error('text outside the root element');
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error('unclosed CDATA section');
      if (stack.length > 1) stack[stack.length - 1].children.push(text.slice(lt + 9, end));
      i = end + 3;
    } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      // <?xml …?>, <?mso-application …?>, <!DOCTYPE …> (Word writes none with an internal subset).
      const end = text.indexOf('>', lt);
      if (end < 0) throw new Error('unclosed declaration');
      i = end + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new Error('unclosed end tag');
      const name = local(text.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new Error(`mismatched end tag </${name}>`);
      i = end + 1;
    } else {
      // A start tag: find its end outside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= text.length) throw new Error('unclosed start tag');
      const selfClosing = text[j - 1] === '/';
      const body = text.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameEnd = body.search(/[\s/]|$/);
      const name = body.slice(0, nameEnd);
      if (!name) throw new Error('empty tag name');
      const attrs: Record<string, string> = {};
      ATTR.lastIndex = nameEnd;
      for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) attrs[local(m[1])] = decode(m[2] ?? m[3]);
      const el: XmlElement = { name: local(name), attrs, children: [] };
      if (stack.length === 1 && root.children.length) throw new Error('more than one root element');
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) stack.push(el);
      i = j + 1;
    }
  }
  if (stack.length > 1) throw new Error(`unclosed element <${stack[stack.length - 1].name}>`);
  const el = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!el) throw new Error('empty XML part');
  return el;
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** `w:val` of a child element, e.g. val(pPr, 'pStyle'). */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs.val;
}

/** The text content of an element (its string children, concatenated). */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}
