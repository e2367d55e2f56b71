/**
 * dockside's own limit on reading an ignore file, in a module of its own: the rule that reports it
 * loads with every run, the ignore-file compiler only when a context rule needs it.
 */

/**
 * Ignore files larger than this are not read (the context rules then say so and judge nothing
 * else): the corpus's largest is a few KB, and every pattern costs every path it could match.
 * BuildKit has no such limit.
 */
export const MAX_IGNORE_FILE_BYTES = 20 * 1024 * 1024;

/** `DockerIgnore.readError` of an ignore file over MAX_IGNORE_FILE_BYTES (POSIX "file too large"). */
export const IGNORE_FILE_TOO_LARGE = 'EFBIG';
