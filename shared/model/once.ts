/** Where `once` keeps its answers: a Map, or a WeakMap when the keys are objects that come and go. */
interface Kept<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * `make` answered once per key and kept. Per report (a Map made per call: the roll-ups ask per account
 * what depends on far fewer keys, a stage slot or a date), or per config object (a WeakMap: what every
 * account looks up in the config; a reloaded config is a new object, so it is made again).
 */
export function once<K, V>(make: (key: K) => V, kept: Kept<K, V> = new Map<K, V>()): (key: K) => V {
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = make(key);
    kept.set(key, value);
    return value;
  };
}
