/**
 * Character classes of JavaScript regular expressions, by UTF-16 code unit, for scanners that walk
 * a line instead of matching it (a match allocates its result and a copy of what it captured).
 */

/** A shell or Dockerfile variable name's first character: `[A-Za-z_]`. */
export function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** A variable name's other characters: `[A-Za-z0-9_]`. */
export function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** `/\s/` (no `u` flag): ECMAScript WhiteSpace and LineTerminator. */
export function isRegExpSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
