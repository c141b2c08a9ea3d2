import { describe, expect, it } from 'vitest';
import { compareSemVer, highestSemVer, parseSemVer } from '../../../src/images/semver.js';

const v = (text: string) => {
  const parsed = parseSemVer(text);
  if (parsed === undefined) throw new Error(`bad test version ${text}`);
  return parsed;
};

describe('semantic versions from git tags', () => {
  it('reads versions with or without a leading v, with pre-release and build parts', () => {
    expect(parseSemVer('v1.2.3')).toMatchObject({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: [],
      text: '1.2.3',
    });
    expect(parseSemVer('1.0.0-alpha.1+exp.sha.5114f85')).toMatchObject({
      prerelease: ['alpha', '1'],
      build: 'exp.sha.5114f85',
    });
  });

  it('rejects what is not a semantic version', () => {
    for (const text of ['1.2', 'v1', '01.2.3', '1.2.3-', '1.2.3-01', 'release-1.2.3', 'latest', ''])
      expect(parseSemVer(text), text).toBeUndefined();
  });

  it('orders versions by semver precedence, releases above their pre-releases', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 1; i < ordered.length; i++) {
      const [lower = '', higher = ''] = [ordered[i - 1], ordered[i]];
      expect(compareSemVer(v(lower), v(higher)), `${lower} < ${higher}`).toBeLessThan(0);
      expect(compareSemVer(v(higher), v(lower)), `${higher} > ${lower}`).toBeGreaterThan(0);
    }
  });

  it('ignores build metadata when comparing', () => {
    expect(compareSemVer(v('1.0.0+a'), v('1.0.0+b'))).toBe(0);
  });

  it('picks the highest version among the tags on HEAD and ignores other tags', () => {
    expect(highestSemVer(['deployed', 'v1.9.0', 'v1.10.0-rc.1', 'v1.10.0', 'nightly'])?.text).toBe(
      '1.10.0',
    );
    expect(highestSemVer(['deployed', 'nightly'])).toBeUndefined();
  });
});
