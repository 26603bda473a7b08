// fast-check generators shared by the property tests.
import fc from "fast-check";

/** Any code point but a lone surrogate (fast-check's "binary" unit costs a second to set up). */
export const codePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCodePoint(c));
