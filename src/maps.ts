// Small helpers for Maps used as indexes.

/** The map's value for the key, created with `make` and stored first when missing. */
export function getOrInsert<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
