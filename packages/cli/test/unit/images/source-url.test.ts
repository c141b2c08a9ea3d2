import { describe, expect, it } from 'vitest';
import { sourceUrl } from '../../../src/images/source-url.js';

describe('the source URL recorded in an image', () => {
  it('removes credentials from an https remote, so a token never ends up in an image label', () => {
    expect(sourceUrl({}, 'https://x-access-token:ghs_secret@github.com/acme/shop.git\n')).toBe(
      'https://github.com/acme/shop.git',
    );
  });

  it('prefers GitHub Actions’ server and repository variables', () => {
    expect(
      sourceUrl(
        { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop' },
        'git@github.com:x/y.git',
      ),
    ).toBe('https://github.com/acme/shop');
  });

  it('keeps an scp-like SSH remote, whose user part is an account name', () => {
    expect(sourceUrl({}, 'git@github.com:acme/shop.git')).toBe('git@github.com:acme/shop.git');
  });

  it('gives nothing for a missing or unrecognisable remote', () => {
    expect(sourceUrl({}, undefined)).toBeUndefined();
    expect(sourceUrl({}, '  ')).toBeUndefined();
    expect(sourceUrl({}, '/local/path/repo')).toBeUndefined();
  });
});
