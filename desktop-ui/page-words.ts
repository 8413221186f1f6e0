// Puts the chosen language's words into index.html's fixed text: an element with
// data-word="ui.phonesTitle" gets that word as its text, data-word-label as its aria-label,
// data-word-placeholder as its placeholder; <html lang> follows.
import type { Words } from '../protocol/i18n/desktop-words.js';
import type { Locale } from '../protocol/i18n/locale.js';

function wordAt(words: Words, path: string): string {
  let node: unknown = words;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  if (typeof node !== 'string') throw new Error(`the catalogue has no word ${path}`);
  return node;
}

export function applyPageWords(words: Words, locale: Locale): void {
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll<HTMLElement>('[data-word]')) {
    node.textContent = wordAt(words, node.dataset.word ?? '');
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-word-label]')) {
    node.setAttribute('aria-label', wordAt(words, node.dataset.wordLabel ?? ''));
  }
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-word-placeholder]')) {
    node.placeholder = wordAt(words, node.dataset.wordPlaceholder ?? '');
  }
}

/** A list of sentences as <li> items (the setup steps, the help). */
export function fillList(list: HTMLElement, sentences: readonly string[]): void {
  list.replaceChildren(
    ...sentences.map((sentence) => {
      const li = document.createElement('li');
      li.textContent = sentence;
      return li;
    }),
  );
}
