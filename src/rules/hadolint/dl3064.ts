import { defineRule } from '../../engine/define-rule.js';
import type { Instruction, Range } from '../../parser/types.js';

/** hadolint's 48 known secret names, compared upper-cased (hadolint-rules.md §10). */
const KNOWN_SENSITIVE_NAMES: ReadonlySet<string> = new Set([
  'ACCESS_TOKEN',
  'APPLICATION_KEY',
  'APP_SECRET',
  'AUTH_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY',
  'BITTREX_API_SECRET',
  'CF_PASSWORD',
  'CF_USERNAME',
  'CIRCLE_TOKEN',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER',
  'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL',
  'DOCKER_PASSWORD',
  'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID',
  'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN',
  'FIREBASE_TOKEN',
  'FOSSA_API_KEY',
  'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GITHUB_TOKEN',
  'HEROKU_API_KEY',
  'HEROKU_API_USER',
  'NPM_AUTH_TOKEN',
  'NPM_TOKEN',
  'OKTA_AUTHN_GROUPID',
  'OKTA_CLIENT_ORGURL',
  'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID',
  'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY',
  'OS_PASSWORD',
  'OS_USERNAME',
  'POSTGRES_PASSWORD',
  'SLACK_TOKEN',
  'STRIPE_API_KEY',
  'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS',
  'TRAVIS_SUDO',
  'VAULT_CLIENT_KEY',
  'VAULT_TOKEN',
]);

/** Substrings of the lower-cased name that make it suspicious (§10). */
const SUSPICIOUS_SUBSTRINGS: readonly string[] = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

export function isSensitiveName(name: string): boolean {
  if (KNOWN_SENSITIVE_NAMES.has(name.toUpperCase())) return true;
  const lower = name.toLowerCase();
  return SUSPICIOUS_SUBSTRINGS.some((fragment) => lower.includes(fragment));
}

/** The range of the first sensitive ARG name or ENV key of the instruction, if any. */
function sensitiveNameRange(instruction: Instruction): Range | null {
  if (instruction.kind === 'ARG') {
    return instruction.definitions.find((definition) => isSensitiveName(definition.name))?.range ?? null;
  }
  if (instruction.kind === 'ENV') {
    return instruction.pairs.find((pair) => isSensitiveName(pair.key))?.keyRange ?? null;
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'DL3064',
    name: 'sensitive-arg-env-name',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands.',
    docs: [
      'Flags an `ARG` or `ENV` (also inside `ONBUILD`) whose name looks like a secret: one of 48 known',
      'names (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NPM_TOKEN`, `POSTGRES_PASSWORD`, …, compared',
      'case-insensitively) or any name containing `api_key`, `client_key`, `password`, `private`,',
      '`secret`, `token` or `username`. `ARG` and `ENV` values end up in the image history and',
      'metadata, readable by anyone who can pull the image.',
      '',
      'Fix: pass secrets with `RUN --mount=type=secret`. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3064',
  },
  check({ dockerfile, report }) {
    const message = 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands';
    for (const instruction of dockerfile.instructions) {
      const checked = instruction.kind === 'ONBUILD' ? instruction.trigger : instruction;
      if (checked === null) continue;
      const range = sensitiveNameRange(checked);
      if (range) report({ range, message });
    }
  },
});
