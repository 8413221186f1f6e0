// Scrolls a page's own script makes (scrollIntoView, scrollTo, scrollBy, scrollTop = …) reach the
// mirror in the same task. The page's scroll event comes only with its next frame, which a heavy
// page draws late (a 10,000-row table: 18-70 ms); the rows scrolled into view and the new anchor
// need not wait for it. The scroll call has laid the page out already, so what is in view can be
// measured at once. The person's own scrolling keeps its scroll events, one per frame.

type Scrollable = Record<string, unknown>;

const ELEMENT_METHODS = ['scrollIntoView', 'scrollTo', 'scroll', 'scrollBy'];
const WINDOW_METHODS = ['scrollTo', 'scroll', 'scrollBy'];
const ELEMENT_SETTERS = ['scrollTop', 'scrollLeft'];

/** Calls `after` (in a microtask, once per burst) after each scroll a script asks for. */
export function onScrollCalls(after: () => void): void {
  let queued = false;
  const soon = queueMicrotask.bind(window);
  const notify = (): void => {
    if (queued) return;
    queued = true;
    soon(() => {
      queued = false;
      after();
    });
  };
  const target = Element.prototype as unknown as Scrollable;
  for (const name of ELEMENT_METHODS) wrapMethod(target, name, notify);
  for (const name of WINDOW_METHODS) wrapMethod(window as unknown as Scrollable, name, notify);
  for (const name of ELEMENT_SETTERS) wrapSetter(Element.prototype, name, notify);
}

function wrapMethod(owner: Scrollable, name: string, notify: () => void): void {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function (this: unknown, ...args: unknown[]): unknown {
    const result: unknown = original.apply(this, args);
    notify();
    return result;
  };
}

function wrapSetter(owner: object, name: string, notify: () => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(owner, name);
  const { get, set } = descriptor ?? {};
  if (!descriptor || !get || !set) return;
  Object.defineProperty(owner, name, {
    ...descriptor,
    set(this: Element, value: unknown) {
      set.call(this, value);
      notify();
    },
  });
}
