/**
 * Edit builders for the package-manager rules' autofixes (issue 7): add a flag to a package
 * command (`apt-get -y`, `apk add --no-cache`, `pip install --no-cache-dir`). Like the shared
 * builders in `../fix-helpers.ts`, they give no fix when the text is not plain enough to edit
 * exactly.
 */
import type { Fix, FixApplicability, TextEdit } from '../../engine/types.js';
import type { RunInstruction, ShellCommand, ShellWord } from '../../parser/types.js';
import { insertAt, makeFix } from '../fix-helpers.js';

/**
 * The RUN's script offsets map exactly onto the Dockerfile: shell form without heredocs. (Exec
 * form joins the JSON strings, and a heredoc body may be re-read by another program.)
 */
export function editableScript(run: RunInstruction): boolean {
  return run.form === 'shell' && run.heredocs.length === 0 && !run.script.hasSyntaxError;
}

/** Inserts `text` just after `word` (` -y` after `apt-get`); the word may span continuation lines. */
export function insertAfterWord(run: RunInstruction, word: ShellWord, text: string): TextEdit {
  const last = run.script.map.positionAt(word.end - 1);
  return insertAt({ line: last.line, column: last.column + 1 }, text);
}

/**
 * The word a flag goes after: the first word of `command` (after any wrapper such as `exec`,
 * and among the arguments when `among` is `args`) whose value is `value`.
 */
export function wordNamed(command: ShellCommand, value: string, among: 'words' | 'args' = 'words'): ShellWord | undefined {
  return command[among].find((word) => word.value === value);
}

/**
 * One fix that inserts `flagText` after the anchor word of every command `anchors` returns a word
 * for; undefined when the RUN cannot be edited exactly or some offending command has no anchor
 * (a partial fix would leave the finding in place).
 */
export function insertFlagFix(
  run: RunInstruction,
  offending: readonly ShellCommand[],
  anchor: (command: ShellCommand) => ShellWord | undefined,
  flagText: string,
  applicability: FixApplicability,
  description: string,
): Fix | undefined {
  if (offending.length === 0 || !editableScript(run)) return undefined;
  const edits: TextEdit[] = [];
  for (const command of offending) {
    const word = anchor(command);
    if (!word) return undefined;
    edits.push(insertAfterWord(run, word, flagText));
  }
  return makeFix(applicability, description, ...edits);
}
