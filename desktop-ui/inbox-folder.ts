// Where files from phones are saved, under the Inbox: the folder now, and a form to change it (a
// full path) or go back to Downloads/Tandem. The agent remembers it in settings.json.
import type { ControlClient } from './control-client.js';
import { currentWords } from './current-words.js';
import { byId, element } from './dom.js';
import { showFailure } from './failure-view.js';

export function inboxFolderView(api: ControlClient): (folder: string) => void {
  const box = byId('inbox-folder');
  const shown = element('p', { class: 'muted small' });
  const label = element('span');
  const path = element('code', { class: 'folder-path' });
  const change = element('button', {
    type: 'button',
    class: 'secondary',
    'aria-expanded': 'false',
  });
  shown.append(label, ' ', path, ' ', change);
  const form = element('form', { class: 'send-form folder-form' });
  form.hidden = true;
  const input = element('input', { type: 'text', name: 'folder', autocomplete: 'off' });
  const save = element('button', { type: 'submit' });
  const reset = element('button', { type: 'button', class: 'secondary' });
  form.append(input, save, reset);
  const result = element('p', { class: 'send-result', role: 'status' });
  box.replaceChildren(shown, form, result);

  const apply = async (inboxDir: string | null) => {
    const words = currentWords();
    try {
      await api.call('updateSettings', { inboxDir });
      result.className = 'send-result';
      result.textContent = words.inbox.folderSaved;
      form.hidden = true;
      change.setAttribute('aria-expanded', 'false');
    } catch (error) {
      showFailure(result, words, error, words.inbox.folderRefused);
    }
  };
  change.addEventListener('click', () => {
    form.hidden = !form.hidden;
    change.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) {
      input.value = path.textContent ?? '';
      input.focus();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply(input.value.trim());
  });
  reset.addEventListener('click', () => void apply(null));

  return (folder) => {
    const words = currentWords().inbox;
    label.textContent = words.folderIs;
    path.textContent = folder;
    change.textContent = words.changeFolder;
    input.setAttribute('aria-label', words.folderInput);
    save.textContent = words.saveFolder;
    reset.textContent = words.defaultFolder;
  };
}
