import { describe, expect, it } from 'vitest';
import { actionRefs, pinProblems } from '../src/workflow/action-refs.js';
import { githubActionFiles, readRepoFile } from './support/repo.js';

describe('third-party actions', () => {
  it('are pinned to full commit SHAs with the release named in a comment, one SHA per action', () => {
    const refs = githubActionFiles().flatMap((f) => actionRefs(readRepoFile(f.path)));
    expect(refs.length).toBeGreaterThan(10);
    expect(pinProblems(refs)).toEqual([]);
  });

  it('the policy rejects a tag, a short SHA, a missing version comment and two SHAs for one action', () => {
    const source = [
      '      - uses: actions/checkout@v4',
      '      - uses: actions/cache@27d5ce7 # v5.0.5',
      '      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
      '      - uses: github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2',
      '      - uses: github/codeql-action/analyze@87557b9c84dde89fdd9b10e88954ac2f4248e463 # v4.36.1',
    ].join('\n');
    const problems = pinProblems(actionRefs(source));
    expect(problems).toEqual([
      'line 1: actions/checkout@v4 is not pinned to a full commit SHA',
      'line 1: actions/checkout@v4 has no "# vX.Y.Z" comment naming the release the SHA was resolved from',
      'line 2: actions/cache@27d5ce7 is not pinned to a full commit SHA',
      'line 3: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 has no "# vX.Y.Z" comment naming the release the SHA was resolved from',
      'line 5: github/codeql-action/analyze@87557b9c84dde89fdd9b10e88954ac2f4248e463 differs from the SHA used earlier (8aad20d150bbac5944a9f9d289da16a4b0d87c1e)',
    ]);
  });
});
