/**
 * The size of text as UTF-8 bytes — what Jira and Forge count against their limits (an entity
 * property holds 32 KB of UTF-8, not 32 768 characters: "é" is 2 bytes, "😀" 4).
 *
 * Pure: no I/O, no Buffer (the Custom UI may use the domain too).
 */

/**
 * The number of bytes `text` takes as UTF-8. A lone surrogate counts as U+FFFD (3 bytes), as
 * `TextEncoder` would encode it.
 *
 * @example utf8ByteLength('Café') // 5
 * @example utf8ByteLength('😀') // 4
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}
