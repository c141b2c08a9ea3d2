import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  entryMatches,
  fingerprint,
  knownKeyTypes,
  parseKnownHosts,
  verifyHostKey,
} from '../../../src/exec/ssh/known-hosts.js';

const keyA = Buffer.from('key-a-bytes');
const keyB = Buffer.from('key-b-bytes');
const b64 = (key: Buffer) => key.toString('base64');

function hashed(name: string): string {
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${hash.toString('base64')}`;
}

describe('known_hosts', () => {
  it('parses entries and skips comments, blanks, CA lines and garbage', () => {
    const entries = parseKnownHosts(
      [
        '# comment',
        '',
        `web.example.com,10.0.0.5 ssh-ed25519 ${b64(keyA)} a comment`,
        `@cert-authority *.example.com ssh-rsa ${b64(keyB)}`,
        `@revoked old.example.com ssh-rsa ${b64(keyB)}`,
        'only-two fields',
      ].join('\n'),
    );
    expect(entries.map((e) => [e.patterns, e.keyType, e.revoked, e.line])).toEqual([
      [['web.example.com', '10.0.0.5'], 'ssh-ed25519', false, 3],
      [['old.example.com'], 'ssh-rsa', true, 5],
    ]);
  });

  it('matches port 22 by bare name and other ports only as [host]:port', () => {
    const [bare, bracketed] = parseKnownHosts(
      `10.0.0.5 ssh-ed25519 ${b64(keyA)}\n[10.0.0.5]:2222 ssh-ed25519 ${b64(keyB)}\n`,
    );
    if (!bare || !bracketed) throw new Error('two entries expected');
    expect(entryMatches(bare, '10.0.0.5', 22)).toBe(true);
    expect(entryMatches(bare, '10.0.0.5', 2222)).toBe(false);
    expect(entryMatches(bracketed, '10.0.0.5', 2222)).toBe(true);
    expect(entryMatches(bracketed, '10.0.0.5', 22)).toBe(false);
  });

  it('supports wildcards and negated patterns', () => {
    const [entry] = parseKnownHosts(
      `*.example.com,!bad.example.com,10.0.0.? ssh-ed25519 ${b64(keyA)}\n`,
    );
    if (!entry) throw new Error('entry expected');
    expect(entryMatches(entry, 'web.example.com', 22)).toBe(true);
    expect(entryMatches(entry, 'bad.example.com', 22)).toBe(false);
    expect(entryMatches(entry, '10.0.0.7', 22)).toBe(true);
    expect(entryMatches(entry, '10.0.0.17', 22)).toBe(false);
  });

  it('matches hashed host names', () => {
    const entries = parseKnownHosts(`${hashed('[127.0.0.1]:2221')} ssh-ed25519 ${b64(keyA)}\n`);
    expect(verifyHostKey(entries, '127.0.0.1', 2221, keyA)).toEqual({ status: 'trusted' });
    expect(verifyHostKey(entries, '127.0.0.1', 2222, keyA)).toEqual({ status: 'unknown' });
  });

  it('tells unknown, changed and revoked keys apart', () => {
    const entries = parseKnownHosts(
      `h ssh-ed25519 ${b64(keyA)}\n@revoked h ssh-ed25519 ${b64(keyB)}\n`,
    );
    expect(verifyHostKey(entries, 'h', 22, keyA)).toEqual({ status: 'trusted' });
    expect(verifyHostKey(entries, 'h', 22, keyB)).toEqual({ status: 'revoked', line: 2 });
    expect(verifyHostKey(entries, 'h', 22, Buffer.from('other'))).toEqual({
      status: 'mismatch',
      lines: [1],
    });
    expect(verifyHostKey(entries, 'elsewhere', 22, keyA)).toEqual({ status: 'unknown' });
    expect(knownKeyTypes(entries, 'h', 22)).toEqual(['ssh-ed25519']);
  });

  it('prints fingerprints the way OpenSSH does', () => {
    expect(fingerprint(Buffer.from('abc'))).toBe(
      'SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0',
    );
  });
});
