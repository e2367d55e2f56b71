import type { Reporter } from './types.js';

/**
 * Output formats by name, loaded lazily so a run pays only for the reporter it uses.
 */
export const REPORTERS: Readonly<Record<string, () => Promise<Reporter>>> = {
  text: async () => (await import('./text.js')).textReporter,
  json: async () => (await import('./json.js')).jsonReporter,
};

export const FORMAT_NAMES = Object.keys(REPORTERS);

export async function loadReporter(name: string): Promise<Reporter | null> {
  const loader = REPORTERS[name];
  return loader ? loader() : null;
}
