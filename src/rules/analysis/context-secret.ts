import { defineRule } from '../../engine/define-rule.js';
import { resolveSource } from '../../context/query.js';
import type { CopyInstruction } from '../../parser/types.js';
import { secretFiles, type SecretFile } from './context-facts.js';
import { expandedCopySources } from './facts.js';

export default defineRule({
  meta: {
    code: 'context-secret',
    name: 'context-secret',
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: false,
    description: 'A file that looks like a secret is in the build context and not excluded by .dockerignore.',
    docs: [
      'Looks for credentials by file name: `.env` files (not `.env.example`), private keys and certificates',
      '(`*.pem`, `*.key`, `id_rsa*`…), key stores (`*.p12`, `*.pfx`, `*.jks`), kubeconfigs, AWS/GCP',
      'credentials, Terraform state; and by a short content check for `.npmrc`, `.yarnrc.yml`, `.pypirc`,',
      '`.netrc`, `.git-credentials` and Docker `config.json` files that hold a token or password.',
      'The content is never printed.',
      '',
      'Error when a COPY/ADD pulls the file into an image (reported on that instruction), warning when it',
      'is only sent to the builder. Fix: add it to the `.dockerignore`, and pass secrets with',
      '`RUN --mount=type=secret` instead. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    if (!buildContext) return;
    const secrets = secretFiles(buildContext);
    const first = dockerfile.instructions[0];
    if (secrets.length === 0 || !first) return;
    // For each local COPY/ADD source, the context paths it pulls in (a folder pulls all below it).
    const pulls: { instruction: CopyInstruction; paths: readonly string[] }[] = [];
    for (const [instruction, sources] of expandedCopySources(dockerfile)) {
      if (instruction.from !== null) continue;
      const paths: string[] = [];
      for (const source of sources) {
        if (source.kind !== 'local') continue;
        const resolution = resolveSource(buildContext, source.value);
        if (resolution.status !== 'found') continue;
        if (resolution.matches.length === 0) paths.push('');
        else paths.push(...resolution.matches.map((entry) => entry.path));
      }
      if (paths.length > 0) pulls.push({ instruction, paths });
    }
    // One finding per instruction: the files each COPY pulls in, then the ones only sent.
    const byInstruction = new Map<CopyInstruction | null, SecretFile[]>();
    for (const secret of secrets) {
      const path = secret.entry.path;
      const puller = pulls.find((pull) => pull.paths.some((pulled) => pulled === '' || pulled === path || path.startsWith(`${pulled}/`)));
      const key = puller?.instruction ?? null;
      byInstruction.set(key, [...(byInstruction.get(key) ?? []), secret]);
    }
    for (const [instruction, files] of byInstruction) {
      if (instruction) {
        report({
          range: instruction.range,
          severity: 'error',
          message: `${instruction.kind} copies ${describeSecrets(files)} into the image: exclude ${files.length > 1 ? 'them' : 'it'} in .dockerignore and use a secret mount`,
        });
      } else {
        report({
          range: first.range,
          message: `${describeSecrets(files)} ${files.length > 1 ? 'are' : 'is'} sent with the build context: exclude ${files.length > 1 ? 'them' : 'it'} in .dockerignore`,
        });
      }
    }
  },
});

const LISTED_SECRETS = 5;

function describeSecrets(files: readonly SecretFile[]): string {
  const shown = files.slice(0, LISTED_SECRETS).map((file) => `"${file.entry.path}" (${file.what})`);
  const rest = files.length - LISTED_SECRETS;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
