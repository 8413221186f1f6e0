// The desktop UI: polls the agent's local control API and shows each phone's state with a hint a
// person can act on, sends the PC page's selection, its address, text or an image to a phone, and
// drives the PC browsing session. Bundled by the build (bundles/browser-bundle-specs.ts) and served
// by the control API as /ui/app.js: it runs in a browser tab or an Electron window.
import { startAgentView } from './agent-view.js';
import { startBrowserBar } from './browser-bar.js';
import { createControlClient } from './control-client.js';
import { currentLocale, currentWords, onWordsChange, watchLanguage } from './current-words.js';
import { applyPageWords } from './page-words.js';

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? sessionStorage.getItem('tandem-token') ?? '';
sessionStorage.setItem('tandem-token', token);
// The Electron browser window shows only the browser bar, as its toolbar.
const toolbar = params.get('view') === 'toolbar';
if (params.has('token'))
  history.replaceState(null, '', toolbar ? '?view=toolbar' : location.pathname);

const api = createControlClient(token);
watchLanguage(api);
applyPageWords(currentWords(), currentLocale());
onWordsChange(() => applyPageWords(currentWords(), currentLocale()));
startBrowserBar(api);
if (toolbar) document.body.classList.add('toolbar');
else startAgentView(api);
