import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, readFingerprintKey } from '../../../src/secrets/fingerprint.js';
import { parseRecords, serializeRecords } from '../../../src/secrets/fingerprint-records.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { Secret } from '../../../src/secrets/secret.js';
import { createValueSource } from '../../../src/secrets/values/value-source.js';

const KEY = new Secret('k'.repeat(32));
const OTHER_KEY = new Secret('j'.repeat(32));
const VALUE = new Secret('sentinel-fp-4f2a');

describe('secret fingerprints', () => {
  it('are keyed: the same value gives another fingerprint under another key', () => {
    expect(fingerprint(KEY, 'A', VALUE)).toMatch(/^v1:[A-Za-z0-9_-]{43}$/);
    expect(fingerprint(KEY, 'A', VALUE)).toBe(
      fingerprint(KEY, 'A', new Secret('sentinel-fp-4f2a')),
    );
    expect(fingerprint(KEY, 'A', VALUE)).not.toBe(fingerprint(OTHER_KEY, 'A', VALUE));
  });

  it('are never a plain hash of the value, and differ between two secrets with one value', () => {
    const fp = fingerprint(KEY, 'A', VALUE);
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      for (const algorithm of ['sha256', 'sha1', 'md5']) {
        expect(fp).not.toContain(createHash(algorithm).update(VALUE.reveal()).digest(encoding));
      }
    }
    expect(fp).not.toContain('sentinel');
    expect(fingerprint(KEY, 'B', VALUE)).not.toBe(fp);
  });

  it('change when the value changes by one character', () => {
    expect(fingerprint(KEY, 'A', new Secret('sentinel-fp-4f2b'))).not.toBe(
      fingerprint(KEY, 'A', VALUE),
    );
  });

  it('need a key of at least 32 characters, and say how to make one', () => {
    const missing = createValueSource({ env: {}, configDir: '/nonexistent', environment: 'x' });
    expect(() => readFingerprintKey(missing, new Redactor())).toThrow(
      expect.objectContaining({
        code: 'SECRET_FINGERPRINT_KEY_MISSING',
        hint: expect.stringContaining('openssl rand -base64 32') as string,
      }),
    );
    const short = createValueSource({
      env: { OPSCTL_FINGERPRINT_KEY: 'too-short' },
      configDir: '/nonexistent',
      environment: 'x',
    });
    expect(() => readFingerprintKey(short, new Redactor())).toThrow(/shorter than 32/);
  });

  it('mask the key as soon as it is read', () => {
    const redactor = new Redactor();
    const source = createValueSource({
      env: { OPSCTL_FINGERPRINT_KEY: 'z'.repeat(40) },
      configDir: '/nonexistent',
      environment: 'x',
    });
    readFingerprintKey(source, redactor);
    expect(redactor.redact(`key=${'z'.repeat(40)}`)).toBe('key=[redacted]');
  });
});

describe('stored fingerprint records', () => {
  it('round-trip through their JSON document, in name order', () => {
    const records = new Map([
      ['B', { fingerprint: 'v1:bbb', updatedAt: '2026-01-02T00:00:00.000Z' }],
      ['A', { fingerprint: 'v1:aaa', updatedAt: '2026-01-01T00:00:00.000Z' }],
    ]);
    const text = serializeRecords(records);
    expect(text).toBe(
      '{"version":1,"secrets":{"A":{"fingerprint":"v1:aaa","updatedAt":"2026-01-01T00:00:00.000Z"},"B":{"fingerprint":"v1:bbb","updatedAt":"2026-01-02T00:00:00.000Z"}}}',
    );
    expect(parseRecords(text)).toEqual(new Map([...records].reverse()));
  });

  it('count as absent when unreadable, so the next sync writes and records again', () => {
    for (const text of [
      undefined,
      '',
      'not json',
      '{"version":2,"secrets":{}}',
      '{"version":1,"secrets":{"A":{"fingerprint":"plain-sha"}}}',
    ]) {
      expect(parseRecords(text).size).toBe(0);
    }
  });
});
