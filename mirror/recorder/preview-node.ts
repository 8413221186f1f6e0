// One node of a loading page's preview (early-view.ts), serialised the way rrweb does, without its
// layout reads: rrweb's serialiser asks each element for its scroll offsets, which makes the
// browser lay out everything parsed so far (130 ms for a 5,000-row table half parsed), and the
// preview must cost next to nothing. What the preview leaves out, rrweb's own snapshot brings at
// DOMContentLoaded: form values (never in a preview, so nothing masked can leak), scripts, frames,
// canvases, and blocked elements' boxes.
import { absolutifyURLs, transformAttribute } from 'rrweb-snapshot';
import { NodeType } from '../../protocol/rrweb-events.js';
import type { SerializedNode } from './window-types.js';

/** Elements a preview leaves out with all they hold. */
const LEFT_OUT = new Set([
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
]);
/** Elements whose `value` attribute is a form value. */
const VALUED = new Set(['input', 'textarea', 'select', 'option']);
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface PreviewRules {
  /** An element to leave out (rrweb's block selector: frames from other origins). */
  blocked: (element: Element) => boolean;
  /** Text to mask (rrweb's `rr-mask` class on it or an ancestor). */
  masked: (text: Text) => boolean;
}

/** `node` without its children, numbered `id`; null for what a preview leaves out. */
export function previewNode(node: Node, id: number, rules: PreviewRules): SerializedNode | null {
  switch (node.nodeType) {
    case Node.DOCUMENT_NODE:
      return {
        type: NodeType.Document,
        id,
        childNodes: [],
        compatMode: (node as Document).compatMode,
      };
    case Node.DOCUMENT_TYPE_NODE: {
      const { name, publicId, systemId } = node as DocumentType;
      return { type: NodeType.DocumentType, id, name, publicId, systemId };
    }
    case Node.ELEMENT_NODE:
      return previewElement(node as Element, id, rules);
    case Node.TEXT_NODE:
      return previewText(node as Text, id, rules);
    default:
      return null; // comments and CDATA: rrweb's slim DOM leaves comments out too
  }
}

function previewElement(element: Element, id: number, rules: PreviewRules): SerializedNode | null {
  const tagName = element.tagName.toLowerCase();
  if (LEFT_OUT.has(tagName) || rules.blocked(element)) return null;
  if (
    tagName === 'link' &&
    /\b(preload|modulepreload|prefetch)\b/i.test(element.getAttribute('rel') ?? '')
  ) {
    return null;
  }
  const attributes: Record<string, string> = {};
  for (const { name, value } of Array.from(element.attributes)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || (lower === 'value' && VALUED.has(tagName))) continue;
    attributes[lower] =
      transformAttribute(
        document,
        tagName as Lowercase<string>,
        lower as Lowercase<string>,
        value,
      ) ?? value;
  }
  return {
    type: NodeType.Element,
    id,
    tagName,
    attributes,
    childNodes: [],
    ...(element.namespaceURI === SVG_NS && { isSVG: true }),
  };
}

function previewText(text: Text, id: number, rules: PreviewRules): SerializedNode | null {
  const parent = text.parentElement?.tagName.toLowerCase();
  if (parent === 'textarea') return null; // its text is the field's value
  const content = text.textContent ?? '';
  if (parent === 'style') {
    return {
      type: NodeType.Text,
      id,
      textContent: absolutifyURLs(content, location.href),
      isStyle: true,
    };
  }
  const textContent = rules.masked(text) ? content.replace(/\S/g, '*') : content;
  return { type: NodeType.Text, id, textContent };
}
