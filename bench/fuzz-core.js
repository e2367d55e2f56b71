/**
 * Seeded mutations of Dockerfiles for robustness testing (issue 8): byte flips, truncation, line
 * duplication, stray continuations, heredoc markers, escape directives, huge lines, NUL bytes,
 * deep `$(…)` nesting, long `&&` chains, thousands of instructions or of distinct stages,
 * variables that grow with every line, and deep `${…}` or ONBUILD nesting. Shared by the bounded fuzz test in `npm test` and `npm run fuzz`.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, items) => items[Math.floor(next() * items.length)];

function lines(buffer) {
  return buffer.toString('latin1').split('\n');
}

function join(parts) {
  return Buffer.from(parts.join('\n'), 'latin1');
}

export const MUTATIONS = {
  flipBytes(buffer, next) {
    const copy = Buffer.from(buffer);
    const flips = 1 + Math.floor(next() * 8);
    for (let count = 0; count < flips && copy.length > 0; count++) copy[Math.floor(next() * copy.length)] ^= 1 << Math.floor(next() * 8);
    return copy;
  },
  truncate(buffer, next) {
    return buffer.subarray(0, Math.floor(next() * buffer.length));
  },
  duplicateLines(buffer, next) {
    const parts = lines(buffer);
    const index = Math.floor(next() * parts.length);
    const times = 1 + Math.floor(next() * 50);
    parts.splice(index, 0, ...Array(times).fill(parts[index] ?? ''));
    return join(parts);
  },
  strayContinuations(buffer, next) {
    const parts = lines(buffer).map((line) => (next() < 0.3 ? `${line} ${pick(next, ['\\', '`', '\\\\', '\\  '])}` : line));
    return join(parts);
  },
  heredocMarkers(buffer, next) {
    const parts = lines(buffer);
    const index = Math.floor(next() * parts.length);
    parts[index] = `${parts[index] ?? ''} ${pick(next, ['<<EOF', '<<-EOF', "<<'X'", '<< "Y"', '3<<Z', '<<EOF <<EOF2', "<<'UNBALANCED"])}`;
    return join(parts);
  },
  escapeDirective(buffer, next) {
    return Buffer.concat([Buffer.from(pick(next, ['# escape=`\n', '# escape=\\\n', '# escape=x\n', '# check=skip=all;error=true\n', '# check=;;\n'])), buffer]);
  },
  hugeLine(buffer, next) {
    const parts = lines(buffer);
    const size = pick(next, [70_000, 200_000, 1_000_000]);
    parts.splice(Math.floor(next() * parts.length), 0, `RUN echo ${'a'.repeat(size)}`);
    return join(parts);
  },
  nulBytes(buffer, next) {
    const copy = Buffer.from(buffer);
    if (copy.length > 0) copy[Math.floor(next() * copy.length)] = 0;
    return copy;
  },
  deepSubstitution(buffer, next) {
    const depth = 50 + Math.floor(next() * 4950); // deep enough to overflow a recursive parser (it did once)
    return Buffer.concat([buffer, Buffer.from(`\nRUN echo ${'$('.repeat(depth)}true${')'.repeat(depth)}\n`)]);
  },
  longAndChain(buffer, next) {
    const count = 1000 + Math.floor(next() * 4000);
    return Buffer.concat([buffer, Buffer.from(`\nRUN true${' && true'.repeat(count)}\n`)]);
  },
  // Thousands of instructions: past the parser's 5,000 (scanner.ts MAX_INSTRUCTIONS) or just under.
  manyInstructions(buffer, next) {
    const parts = lines(buffer);
    const index = Math.floor(next() * parts.length);
    const chosen = parts[index] ?? '';
    const line = /^\s*[A-Za-z]/.test(chosen) && chosen.length <= 200 ? chosen : pick(next, ['RUN true', 'FROM a AS b', 'COPY a b', 'ENV A=$A']);
    // Not past ~2 MB added, however the mutations stack.
    const times = Math.min(2000 + Math.floor(next() * 6000), Math.floor(2_000_000 / (line.length + 1)), Math.max(0, 100_000 - parts.length));
    parts.splice(index, 0, ...Array(times).fill(line));
    return join(parts);
  },
  // Deep nesting outside RUN: `${A:-${A:-…}}` in the texts BuildKit expands, ONBUILD chains.
  deepNesting(buffer, next) {
    const depth = 50 + Math.floor(next() * 4950);
    const nested = `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;
    const line = pick(next, [`ENV B=${nested}`, `COPY ${nested} /x`, `FROM ${nested}`, `ONBUILD FROM ${nested}`, `LABEL a="${nested}"`, `WORKDIR ${nested}`, `${'ONBUILD '.repeat(depth)}RUN true`]);
    const parts = lines(buffer);
    parts.splice(Math.floor(next() * parts.length), 0, line);
    return join(parts);
  },
  // Thousands of distinct stage names, named directly and through variables, and long lines of
  // stages built on each other: the stage graph, the stage-aware rules and the stage variables must
  // stay linear in the stages (a set of the names so far per stage, and every stage a variable may
  // name listed per stage, were quadratic: 5,000 took 8 s and 1.6 GB).
  manyStages(buffer, next) {
    const count = 1000 + Math.floor(next() * 4000);
    const shape = pick(next, [
      (index) => `FROM $BASE AS s${index}`,
      (index) => `FROM alpine AS s${index}\nCOPY --from=s\${X} /a /a`,
      (index) => `FROM ${index === 0 ? 'alpine' : `s${index - 1}`} AS s${index}`,
      (index) => `FROM s-\${V} AS s-${index}\nRUN --mount=from=s-$V,target=/m true`,
      // Each stage built on the one before, adding variables (each stage copying its base's
      // variables was quadratic: 2,490 stages of 50 ran out of memory), and the same with a
      // second stage on each, so every base is shared.
      (index) => `FROM ${index === 0 ? 'alpine' : `s${index - 1}`} AS s${index}\nENV ${Array.from({ length: 20 }, (_, key) => `K${index}_${key}=$K${index}_${key - 1}`).join(' ')}`,
      (index) => `FROM ${index === 0 ? 'alpine' : `s${index - 1}`} AS s${index}\nENV K${index}=$K${index - 1}x\nFROM s${index} AS leaf${index}`,
    ]);
    return Buffer.concat([buffer, Buffer.from(`\n${Array.from({ length: count }, (_, index) => shape(index)).join('\n')}\n`)]);
  },
  // Variables that grow with every line (parser/expansion-budget.ts): doubling, or appended to.
  selfReference(buffer, next) {
    const parts = lines(buffer);
    const line = pick(next, ['ENV A=$A$A', 'ARG A=${A}${A}x', 'ENV A=${A:-x}$A B=$A$A', 'ENV PATH=$PATH:/opt/x/bin', 'LABEL a=$A$A$A$A', 'ENV ${A}=$A$A']);
    const times = line.startsWith('ENV PATH') ? 100 + Math.floor(next() * 3000) : 10 + Math.floor(next() * 50);
    parts.splice(Math.floor(next() * parts.length), 0, 'ENV A=xy', ...Array(times).fill(line));
    return join(parts);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** `count` mutated inputs from `seeds` (Buffers), deterministic for a given `seed`. */
export function* mutatedInputs(seeds, count, seed) {
  const next = random(seed);
  for (let index = 0; index < count; index++) {
    const base = seeds[Math.floor(next() * seeds.length)];
    const name = MUTATION_NAMES[index % MUTATION_NAMES.length];
    // Sometimes stack two mutations.
    let input = MUTATIONS[name](base, next);
    let label = name;
    if (next() < 0.3) {
      const second = pick(next, MUTATION_NAMES);
      input = MUTATIONS[second](input, next);
      label += `+${second}`;
    }
    yield { index, label, input };
  }
}
