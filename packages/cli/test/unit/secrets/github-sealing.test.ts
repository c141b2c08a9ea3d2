import sodium from 'libsodium-wrappers';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_SECRET_MAX_BYTES,
  githubNameProblem,
  githubValueProblem,
} from '../../../src/secrets/github/limits.js';
import { sealForGitHub } from '../../../src/secrets/github/seal.js';
import { Secret } from '../../../src/secrets/secret.js';

describe('sealing a value for GitHub', () => {
  it('makes a libsodium sealed box only the holder of the private key opens, exactly', async () => {
    await sodium.ready;
    const pair = sodium.crypto_box_keypair();
    const publicKey = sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL);
    const value = 'multi\nline "quoted" $HOME a=b ключ 🔑';
    const sealed = await sealForGitHub(new Secret(value), publicKey);
    const opened = sodium.crypto_box_seal_open(
      sodium.from_base64(sealed, sodium.base64_variants.ORIGINAL),
      pair.publicKey,
      pair.privateKey,
    );
    expect(sodium.to_string(opened)).toBe(value);
    expect(sealed).not.toContain('multi');
    // A fresh ephemeral key each time: the same value never seals the same way twice.
    expect(await sealForGitHub(new Secret(value), publicKey)).not.toBe(sealed);
    const stranger = sodium.crypto_box_keypair();
    expect(() =>
      sodium.crypto_box_seal_open(
        sodium.from_base64(sealed, sodium.base64_variants.ORIGINAL),
        stranger.publicKey,
        stranger.privateKey,
      ),
    ).toThrow();
  });

  it('refuses a public key of the wrong length', async () => {
    await expect(
      sealForGitHub(new Secret('x'), Buffer.alloc(16).toString('base64')),
    ).rejects.toThrow(/16 bytes, not 32/);
  });
});

describe('what GitHub accepts', () => {
  it.each([
    ['DATABASE_URL', undefined],
    ['_leading_underscore', undefined],
    ['lower_case_9', undefined],
    ['GITHUB_TOKEN_COPY', 'GitHub secret names cannot start with GITHUB_'],
    ['github_lower', 'GitHub secret names cannot start with GITHUB_'],
    ['9LIVES', 'GitHub secret names cannot start with a digit'],
    ['HAS-DASH', 'GitHub secret names use only letters, digits and _'],
    ['HAS SPACE', 'GitHub secret names use only letters, digits and _'],
    ['ÜNICODE', 'GitHub secret names use only letters, digits and _'],
  ])('name %j: %s', (name, problem) => {
    expect(githubNameProblem(name)).toBe(problem);
  });

  it('takes values up to 48 KB, counted in UTF-8 bytes, and refuses larger ones before sending', () => {
    expect(GITHUB_SECRET_MAX_BYTES).toBe(49_152);
    expect(githubValueProblem(new Secret('a'.repeat(49_152)))).toBeUndefined();
    expect(githubValueProblem(new Secret('a'.repeat(49_153)))).toBe(
      'the value is 49153 bytes; GitHub stores at most 49152 (48 KB)',
    );
    // 16,385 three-byte characters: under 48 K characters, over 48 KB.
    expect(githubValueProblem(new Secret('€'.repeat(16_385)))).toMatch(/^the value is 49155 bytes/);
  });
});
