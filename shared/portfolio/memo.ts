/**
 * `make` answered once per key and kept, for one report (never module-level: a reloaded config
 * must not be read through an old answer). The roll-ups ask per account what depends on far fewer
 * keys: a stage slot, a date.
 */
export function once<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
