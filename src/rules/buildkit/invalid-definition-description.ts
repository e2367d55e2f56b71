import { commentBlocks } from '../../engine/check-directive.js';
import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'invalid-definition-description',
    name: 'invalid-definition-description',
    aliases: ['InvalidDefinitionDescription'],
    family: 'buildkit',
    severity: 'warning',
    enabledByDefault: false,
    experimental: true,
    fixable: false,
    description: 'A comment describing a named stage or an ARG should start with its name.',
    docs: [
      'Experimental BuildKit check, off unless enabled with `# check=experimental=InvalidDefinitionDescription`',
      '(or `experimental=all`, or the `BUILDKIT_DOCKERFILE_CHECK` build arg), or in dockside\'s config.',
      '',
      'A comment right above a named FROM or an ARG (global ones too) is its description, shown by',
      '`docker build --call=outline`; it should read `# <name> <description>`. Flags a definition whose',
      'comment block\'s **last** line does not start with the stage name (lowercased) or one of the ARG\'s',
      'names. As in BuildKit (and contrary to Docker\'s docs), a blank line does not detach a comment from',
      'the next instruction; a bare `#` line does. Unnamed stages are not checked. Fix: start the comment',
      'with the name, or separate an unrelated comment with a bare `#` line.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/invalid-definition-description/',
  },
  check({ dockerfile, report }) {
    const blocks = commentBlocks(dockerfile);
    for (const instruction of dockerfile.instructions) {
      let names: string[];
      if (instruction.kind === 'FROM') {
        const stageName = instruction.stageName?.toLowerCase();
        if (!stageName) continue;
        names = [stageName];
      } else if (instruction.kind === 'ARG') {
        names = instruction.definitions.map((definition) => definition.name);
      } else continue;
      const block = blocks.get(instruction);
      if (!block || names.length === 0) continue;
      const firstWord = block[block.length - 1]!.split(' ')[0]!;
      if (names.includes(firstWord)) continue;
      const example = names.length > 1 ? '<arg_key>' : names[0]!;
      report({
        range: instruction.keywordRange,
        message: `Comment for ${instruction.kind} should follow the format: \`# ${example} <description>\``,
      });
    }
  },
});
