// Loads one of the page's own extra scripts (the mirror's replayer, the pure-JS sealing) once, on
// first need, with a <script> tag (the page's policy allows scripts of its own origin only). A load
// that failed is tried again on the next call.
const loading = new Map<string, Promise<void>>();

export function loadScript(src: string): Promise<void> {
  let script = loading.get(src);
  if (!script) {
    script = new Promise<void>((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = src;
      tag.addEventListener('load', () => resolve());
      tag.addEventListener('error', () => {
        loading.delete(src);
        tag.remove();
        reject(new Error(`${src} did not load`));
      });
      document.head.append(tag);
    });
    loading.set(src, script);
  }
  return script;
}
