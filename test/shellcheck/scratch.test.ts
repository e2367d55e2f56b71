import { it } from 'vitest';
import { lintForTest } from '../support/rule-tester.js';
const cases = [
  'FROM debian:12\nRUN <<-EOF\n\t\techo $1\n\tEOF\n',
  'FROM debian:12\nRUN cat <<EOF > /x\n$1 $2\nEOF\n',
  'FROM debian:12\nARG foo\nENV bar=1\nRUN echo "$foo $bar $baz"\n',
  'FROM debian:12 AS base\nARG foo\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN echo "$foo" && [[ -n "$foo" ]]\nFROM debian:12\nRUN [[ -n "$foo" ]]\n',
  '# hadolint shell=bash\nFROM debian:12\nRUN [[ -n "$x" ]]\nFROM debian\n# hadolint shell=powershell\nRUN [[ -n $x ]]\n',
  'FROM debian:12\nONBUILD ARG foo\nONBUILD RUN echo "$foo" $1\nRUN echo "$foo"\n',
  'FROM debian:12\nRUN ["sh", "-c", "echo $1"]\n',
  'FROM debian:12\nRUN echo $1 $1 && \\\n  echo $1\n',
];
it("x", async () => { for (const c of cases) {
  const f = await lintForTest(c, { only: ['shellcheck'], precisePositions: true });
  console.log(JSON.stringify(c)); for (const x of f) console.log('  ', x.line, x.column, x.endLine, x.endColumn, x.code, x.level, x.message);
}
});
