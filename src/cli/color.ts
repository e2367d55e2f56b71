/**
 * Colour is decided once, first match wins: `--color`/`--no-color`, then `NO_COLOR` (non-empty →
 * off), then `FORCE_COLOR` (`0`/`false` → off, anything else → on), then whether the stream is a
 * TTY and `TERM` is not `dumb`. chalk alone ignores `NO_COLOR`, hence this.
 */
export function decideColor(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  stream: { isTTY?: boolean },
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !(env.FORCE_COLOR === '0' || env.FORCE_COLOR.toLowerCase() === 'false');
  return stream.isTTY === true && env.TERM !== 'dumb';
}
