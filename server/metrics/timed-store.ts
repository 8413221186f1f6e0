// Times every call of the store's repositories (`store.bindings.bind(…)`, …) into the store latency
// histogram, whatever the engine: a call that returns a promise is timed until it settles. The
// store keeps its type; only its repositories' methods are wrapped.
import type { ServerMetrics } from './server-metrics.js';

type Observe = ServerMetrics['observeStore'];

/** Wraps `store`'s object-valued properties (its repositories); everything else passes through. */
export function timedStore<Store extends object>(store: Store, observe: Observe): Store {
  const repos = new Map<PropertyKey, object>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || value === null || typeof value !== 'object') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      let repo = repos.get(property);
      if (!repo) {
        repo = timedRepo(value, property, observe);
        repos.set(property, repo);
      }
      return repo;
    },
  });
}

function timedRepo(repo: object, name: string, observe: Observe): object {
  const methods = new Map<PropertyKey, unknown>();
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let timed = methods.get(property);
      if (!timed) {
        const method = value as (...args: unknown[]) => unknown;
        timed = (...args: unknown[]): unknown => {
          const started = process.hrtime.bigint();
          const done = () =>
            observe(name, property, Number(process.hrtime.bigint() - started) / 1e9);
          let result: unknown;
          try {
            result = method.apply(target, args);
          } catch (error) {
            done();
            throw error;
          }
          if (result instanceof Promise) return result.finally(done);
          done();
          return result;
        };
        methods.set(property, timed);
      }
      return timed;
    },
  });
}
