import { describe, expect, it } from 'vitest';
import {
  branchTag,
  buildTag,
  imageTags,
  isBuildTag,
  isCommitTag,
  isDirtyTag,
  versionTag,
} from '../../../src/images/image-tags.js';
import { parseSemVer } from '../../../src/images/semver.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const version = (text: string) => {
  const parsed = parseSemVer(text);
  if (parsed === undefined) throw new Error(`bad test version ${text}`);
  return parsed;
};

describe('image tags of one build', () => {
  it('tags a clean build with the 12-character SHA, its version, latest and the branch, in that order', () => {
    expect(
      imageTags({ sha: SHA, dirty: false, version: version('v1.2.3'), branch: 'main' }),
    ).toEqual(['0123456789ab', 'v1.2.3', 'latest', 'main']);
  });

  it('leaves out the version tag when HEAD has none, and the branch tag on a detached HEAD', () => {
    expect(imageTags({ sha: SHA, dirty: false, version: undefined, branch: undefined })).toEqual([
      '0123456789ab',
      'latest',
    ]);
  });

  it('tags a dirty build only as <sha>-dirty: no version, latest or branch tag claims uncommitted code', () => {
    expect(imageTags({ sha: SHA, dirty: true, version: version('1.0.0'), branch: 'main' })).toEqual(
      ['0123456789ab-dirty'],
    );
  });

  it('does not repeat a tag when the branch is called like another tag would be', () => {
    const tags = imageTags({ sha: SHA, dirty: false, version: undefined, branch: 'latest' });
    expect(tags).toEqual(['0123456789ab', 'latest', 'branch-latest']);
  });
});

describe('branch names as Docker tags', () => {
  it('replaces characters Docker refuses with "-" and keeps the rest, case included', () => {
    expect(branchTag('feature/Login page#2')).toBe('feature-Login-page-2');
  });

  it('drops leading dots and dashes, which Docker does not accept at the start of a tag', () => {
    expect(branchTag('..-hotfix')).toBe('hotfix');
  });

  it('gives nothing for a branch with no usable character', () => {
    expect(branchTag('///')).toBeUndefined();
  });

  it('prefixes a branch that would pass for a commit, dirty, version or latest tag', () => {
    expect(branchTag('deadbeef0123')).toBe('branch-deadbeef0123');
    expect(branchTag('deadbeef0123-dirty')).toBe('branch-deadbeef0123-dirty');
    expect(branchTag('v2.0.0')).toBe('branch-v2.0.0');
    expect(branchTag('1.0.0-rc.1')).toBe('branch-1.0.0-rc.1');
    expect(branchTag('latest')).toBe('branch-latest');
  });

  it('cuts a long branch name to the 128 characters Docker allows', () => {
    expect(branchTag(`feature/${'x'.repeat(200)}`)).toHaveLength(128);
  });
});

describe('tag kinds', () => {
  it('recognises commit tags as exactly 12 lower-case hex characters', () => {
    expect(isCommitTag('0123456789ab')).toBe(true);
    expect(isCommitTag('0123456789AB')).toBe(false);
    expect(isCommitTag('0123456789a')).toBe(false);
    expect(isCommitTag('latest')).toBe(false);
  });

  it('treats <sha>-dirty as a build tag but not as an immutable commit tag', () => {
    expect(isDirtyTag('0123456789ab-dirty')).toBe(true);
    expect(isCommitTag('0123456789ab-dirty')).toBe(false);
    expect(isBuildTag('0123456789ab-dirty')).toBe(true);
    expect(isBuildTag('main')).toBe(false);
  });

  it('names a build by the first 12 characters of the full SHA', () => {
    expect(buildTag(SHA, false)).toBe('0123456789ab');
    expect(buildTag(SHA, true)).toBe('0123456789ab-dirty');
  });

  it('writes versions with a leading v and turns build metadata "+" into "_"', () => {
    expect(versionTag(version('1.2.3'))).toBe('v1.2.3');
    expect(versionTag(version('v1.2.3-rc.1+build.7'))).toBe('v1.2.3-rc.1_build.7');
  });
});
