import type { AnyRule } from '../../engine/types.js';
import useAbsoluteWorkdir from '../hadolint/dl3000.js';
import consistentInstructionCasing from './consistent-instruction-casing.js';
import duplicateStageName from './duplicate-stage-name.js';
import exposeInvalidFormat from './expose-invalid-format.js';
import exposeProtoCasing from './expose-proto-casing.js';
import fromAsCasing from './from-as-casing.js';
import fromPlatformFlagConstDisallowed from './from-platform-flag-const-disallowed.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import invalidDefinitionDescription from './invalid-definition-description.js';
import jsonArgsRecommended from './json-args-recommended.js';
import legacyKeyValueFormat from './legacy-key-value-format.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import multipleInstructionsDisallowed from './multiple-instructions-disallowed.js';
import noEmptyContinuation from './no-empty-continuation.js';
import redundantTargetPlatform from './redundant-target-platform.js';
import reservedStageName from './reserved-stage-name.js';
import secretsUsedInArgOrEnv from './secrets-used-in-arg-or-env.js';
import stageNameCasing from './stage-name-casing.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import undefinedVar from './undefined-var.js';
import workdirRelativePath from './workdir-relative-path.js';

/**
 * Docker's build checks (`docker build --check`), and the hadolint rules merged into them
 * (DL3024, DL3063, DL3065, DL4000) or kept beside them (DL3000, whose semantics differ from
 * WorkdirRelativePath). CopyIgnoredFile lives with the build context.
 */
export const buildkitRules: AnyRule[] = [
  useAbsoluteWorkdir,
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  duplicateStageName,
  reservedStageName,
  jsonArgsRecommended,
  maintainerDeprecated,
  undefinedArgInFrom,
  workdirRelativePath,
  undefinedVar,
  multipleInstructionsDisallowed,
  legacyKeyValueFormat,
  redundantTargetPlatform,
  secretsUsedInArgOrEnv,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  invalidDefinitionDescription,
  exposeProtoCasing,
  exposeInvalidFormat,
];
