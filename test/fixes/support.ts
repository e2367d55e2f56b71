import { lintForTest } from '../support/rule-tester.js';

/** What each finding of `only` offers: `CODE:safe`, `CODE:unsafe` or `CODE:none`, in report order. */
export async function fixOffers(code: string, only: readonly string[]): Promise<string[]> {
  return (await lintForTest(code, { only })).map((finding) => `${finding.code}:${finding.fix?.applicability ?? 'none'}`);
}
