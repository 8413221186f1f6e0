// What the agent asks of a recorded page, by the recorder's node ids (the ids the phone sees in
// its replayed copy): where an element is, focus it, select its text, scroll.
import { anchorScrollTop, type ScrollAnchor } from './scroll-anchor.js';

/** Looks a node up by the recorder's id. */
export type NodeLookup = (id: number) => Node | null;

export interface PointInViewport {
  x: number;
  y: number;
}

export function elementOf(lookup: NodeLookup, id: number): Element | null {
  const node = lookup(id);
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Scrolls the element into view and returns its centre, for a trusted click there. */
export function clickPoint(lookup: NodeLookup, id: number): PointInViewport | null {
  const element = elementOf(lookup, id);
  if (!element || !element.isConnected) return null;
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** Focuses a field and selects its content, so typed text replaces it. */
export function focusForTyping(lookup: NodeLookup, id: number): boolean {
  const element = elementOf(lookup, id) as HTMLElement | null;
  if (!element || !element.isConnected) return false;
  element.focus();
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.select();
  } else if (element.isContentEditable) {
    selectContents(element);
  } else {
    return false;
  }
  return document.activeElement === element;
}

/**
 * Selects the element's text on the PC (so the person sees what was copied) and returns it; without
 * an element, the PC's current selection. `null`: the text is a form value the phone must not read
 * (a password always; any field with "mask all inputs"), as the recorder hides it from the mirror.
 */
export function selectText(
  lookup: NodeLookup,
  id: number | undefined,
  maskAllInputs: boolean,
): string | null {
  if (id !== undefined) {
    const element = elementOf(lookup, id);
    if (!element) return '';
    if (isHiddenField(element, maskAllInputs)) return null;
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      element.select();
      return element.value;
    }
    selectContents(element);
  } else if (isHiddenField(document.activeElement, maskAllInputs)) {
    // Chromium's getSelection() returns the selected part of a focused field's value.
    return null;
  }
  return window.getSelection()?.toString() ?? '';
}

function isHiddenField(element: Element | null, maskAllInputs: boolean): boolean {
  if (element instanceof HTMLInputElement) return maskAllInputs || element.type === 'password';
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    return maskAllInputs;
  }
  return false;
}

export function scrollPage(lookup: NodeLookup, x: number, y: number, id?: number): boolean {
  const target = id === undefined ? null : elementOf(lookup, id);
  if (id !== undefined && !target) return false;
  if (target) target.scrollTo({ left: x, top: y, behavior: 'instant' });
  else window.scrollTo({ left: x, top: y, behavior: 'instant' });
  return true;
}

/** Scrolls the page so the anchor's element sits at the viewport's top as on the phone. */
export function scrollToAnchor(lookup: NodeLookup, anchor: ScrollAnchor): boolean {
  const target = elementOf(lookup, anchor.id);
  if (!target || !target.isConnected) return false;
  window.scrollTo({
    left: window.scrollX,
    top: anchorScrollTop(target, anchor),
    behavior: 'instant',
  });
  return true;
}

function selectContents(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Chooses the options of a `<select>` as the phone did, with the events a person's choice fires. */
export function selectOptions(lookup: NodeLookup, id: number, values: readonly string[]): boolean {
  const element = elementOf(lookup, id);
  if (!(element instanceof HTMLSelectElement)) return false;
  for (const option of Array.from(element.options)) option.selected = values.includes(option.value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
