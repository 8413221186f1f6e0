// Pages for fit-to-phone: a responsive page (a two-column desktop layout that becomes one column
// below 700 px, 16 px text, a 44 px button) and a fixed-width 1280 px desktop page.

const sections = (count: number): string =>
  Array.from(
    { length: count },
    (_, i) =>
      `<section id="s${i}"><h2>Section ${i}</h2><p id="p${i}">Paragraph ${i}: the quick brown fox jumps over the lazy dog, and the mirror shows it at a size a person can read on a phone without zooming.</p></section>`,
  ).join('\n');

export const fitPages: Record<string, string> = {
  '/responsive.html': `<!doctype html><html><head><title>Responsive</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0; font-family: sans-serif; }
.layout { display: grid; grid-template-columns: 240px 1fr; gap: 24px; max-width: 1100px; margin: 0 auto; padding: 24px; }
p { font-size: 16px; line-height: 1.5; }
#cta { height: 44px; font-size: 16px; padding: 0 16px; }
nav a { display: block; padding: 8px 0; }
@media (max-width: 700px) { .layout { grid-template-columns: 1fr; padding: 12px; } nav { display: none; } }
</style></head><body>
<header><h1 id="title">Responsive fixture</h1></header>
<div class="layout"><nav id="side"><a href="#s1">One</a><a href="#s2">Two</a><a href="#s3">Three</a></nav>
<main><p id="intro">An intro paragraph at sixteen pixels.</p>
<button id="cta" onclick="document.getElementById('out').textContent = 'tapped ' + (++window.taps)">Sign up</button>
<div id="out">not tapped</div><script>window.taps = 0;</script>
${sections(40)}
</main></div></body></html>`,
  '/fixed.html': `<!doctype html><html><head><title>Fixed width</title>
<style>
body { margin: 0; font-family: sans-serif; }
#page { width: 1280px; display: flex; gap: 24px; }
#side { width: 300px; flex: none; }
#main { width: 956px; flex: none; }
p { font-size: 16px; line-height: 1.5; }
</style></head><body><div id="page"><aside id="side"><p id="aside">The side column.</p></aside>
<div id="main"><h1 id="title">Fixed-width fixture</h1>${sections(30)}</div></div></body></html>`,
};
