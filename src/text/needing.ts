// A pattern guarded by literals every one of its matches holds: it is tested only on text that
// holds one of them. V8 compiles a pattern on its first test, and one with a \p{Script=Han} class
// under the u flag costs ~0.8 ms to compile (its astral ranges), more than the test itself on a
// report; a start-up that classifies every line and sorts the document by kind ran a dozen such
// patterns whose literals the text never held.

/** A tester for `pattern` that skips texts holding none of `literals` (each match holds one). */
export function needing(literals: readonly string[], pattern: RegExp): Pick<RegExp, 'test' | 'source'> {
  return {
    source: pattern.source,
    test: (text) => literals.some((literal) => text.includes(literal)) && pattern.test(text),
  };
}
