export * from './types.js';
export { parseDockerfile, decodeDockerfile, commandForm, type ParseOptions } from './parse.js';
export { initShellParser, isShellParserReady, flagsOf } from './shell.js';
export { expandVariables, referencedVariables, type VariableLookup, type Expansion } from './expand.js';
export { splitImageReference } from './image.js';
export { splitWords, unquote } from './words.js';
export { rangeOf, lineRange } from './source-map.js';
