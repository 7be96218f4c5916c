// Values derived once per owner and key and kept as long as the owner lives (a document, a
// lexicon): derived data only, never state that changes what a function answers.

/** The value cached for (owner, key), made by `make` on first use. */
export function memoByOwner<O extends object, K, V>(
  cache: WeakMap<O, Map<K, V>>,
  owner: O,
  key: K,
  make: () => V,
): V {
  let byKey = cache.get(owner);
  if (!byKey) {
    byKey = new Map();
    cache.set(owner, byKey);
  }
  let value = byKey.get(key);
  if (value === undefined) {
    value = make();
    byKey.set(key, value);
  }
  return value;
}
