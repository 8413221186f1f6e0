// The caching rule for work done once per process, such as bundling a browser script: concurrent
// and later callers share the one result; a failure is not kept, so the next call tries again.

/** `load` per key, shared by every caller until it fails. */
export function keptUntilFailure<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let result = kept.get(key);
    if (!result) {
      result = load(key);
      kept.set(key, result);
      result.catch(() => {
        if (kept.get(key) === result) kept.delete(key);
      });
    }
    return result;
  };
}
