// The benchmark's fixture pages and the scripted steps that change them. Each step returns a
// condition (a JS expression over the replayed document `doc`) that is true once the phone shows it.

export const benchPages: Record<string, string> = {
  '/article.html': `<!doctype html><title>Article</title><body style="font:16px serif;max-width:700px;margin:auto">
<h1>Benchmark article</h1>${Array.from({ length: 40 }, (_, i) => `<p id="p${i}">Paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(12)}</p>`).join('')}</body>`,
  '/list.html': `<!doctype html><title>List</title><body><ul>${Array.from({ length: 1000 }, (_, i) => `<li style="height:40px">Item ${i}</li>`).join('')}</ul></body>`,
  '/form.html': `<!doctype html><title>Form</title><body><form>
<label>Name <input id="name"></label><label>Email <input id="email"></label>
<textarea id="notes" rows="5" cols="60"></textarea></form></body>`,
  '/table.html': `<!doctype html><title>Table</title><body><table id="t">${Array.from({ length: 10000 }, (_, i) => `<tr><td>${i}</td><td id="c${i}">row ${i}</td><td>${(i * 7) % 13}</td></tr>`).join('')}</table></body>`,
};

export interface Step {
  /** Runs in the PC page; performs the change. */
  pcExpression?: string;
  /** Text typed into the focused field as trusted input (form steps). */
  typeText?: string;
  /** True in the phone's replayed document once the change is shown. */
  phoneCondition: string;
}

export interface Scenario {
  name: string;
  path: string;
  /** True in the phone's replayed document once the page's first element is there. */
  top: string;
  /** True in the phone's replayed document once the whole page arrived. */
  ready: string;
  /** Runs once in the PC page before the steps. */
  setup?: string;
  steps: Step[];
}

const STEPS = 20;

export const scenarios: Scenario[] = [
  {
    name: 'article',
    path: '/article.html',
    top: `doc.getElementById('p0') !== null`,
    ready: `doc.getElementById('p39') !== null`,
    steps: Array.from({ length: STEPS }, (_, i) => ({
      pcExpression: `document.getElementById('p${i}').textContent = 'edited paragraph ${i}'`,
      phoneCondition: `doc.getElementById('p${i}')?.textContent === 'edited paragraph ${i}'`,
    })),
  },
  {
    name: 'list-scroll',
    path: '/list.html',
    top: `doc.getElementsByTagName('li').length > 0`,
    ready: `doc.body?.lastElementChild?.childElementCount === 1000`,
    steps: Array.from({ length: STEPS }, (_, i) => ({
      pcExpression: `window.scrollTo(0, ${(i + 1) * 400})`,
      // The replayer scrolls smoothly: the phone's first movement towards the new place counts.
      phoneCondition: `doc.defaultView.scrollY > ${i * 400}`,
    })),
  },
  {
    name: 'form-fill',
    path: '/form.html',
    top: `doc.getElementById('name') !== null`,
    ready: `doc.getElementById('notes') !== null`,
    setup: `document.getElementById('notes').focus()`,
    steps: Array.from({ length: STEPS }, (_, i) => ({
      typeText: `w${i} `,
      phoneCondition: `(doc.getElementById('notes')?.value ?? '').endsWith('w${i} ')`,
    })),
  },
  {
    name: 'table-10k',
    path: '/table.html',
    top: `doc.getElementById('c0') !== null`,
    // The first rows and the table's whole height (rows far from the PC's viewport may come later,
    // when it scrolls to them: see mirror/recorder/snapshot-window.ts).
    ready: `doc.getElementById('c0') !== null && doc.documentElement.scrollHeight > 100000`,
    // 100 cells change all over the table, and the PC shows the last of them, as a person would
    // look at what changed (a change out of view draws no screencast frame at all).
    steps: Array.from({ length: STEPS }, (_, i) => ({
      pcExpression: `(() => { for (let k = 0; k < 100; k++) { const r = (${i} * 997 + k * 101) % 10000;
        document.getElementById('c' + r).textContent = 'mutated ${i}-' + k; }
        document.getElementById('c${(i * 997 + 99 * 101) % 10000}').scrollIntoView({ block: 'center' }); })()`,
      phoneCondition: `doc.getElementById('c${(i * 997 + 99 * 101) % 10000}')?.textContent === 'mutated ${i}-99'`,
    })),
  },
];

/**
 * The first view: the page's first element is there and the page fills the phone's screen (or is
 * whole): what a person sees before scrolling. A short page's first view is the whole page.
 */
export function firstViewCondition(scenario: Scenario): string {
  const fills = `doc.documentElement.scrollHeight >= doc.defaultView.innerHeight`;
  return `(${scenario.top}) && ((${fills}) || (${scenario.ready}))`;
}
