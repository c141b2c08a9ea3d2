import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { Secret } from '../../../src/secrets/secret.js';

const VALUE = 'hunter2-super-secret';

describe('Secret', () => {
  const secret = new Secret(VALUE, 'DB_PASSWORD');

  it('gives its value only through reveal()', () => {
    expect(secret.reveal()).toBe(VALUE);
  });

  it('prints as [redacted] through String(), templates and concatenation', () => {
    expect(String(secret)).toBe('[redacted]');
    // The point of the test is what careless code would do, which the lint rules forbid.
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(`${secret}`).toBe('[redacted]');
    // eslint-disable-next-line @typescript-eslint/restrict-plus-operands
    expect('x' + secret).toBe('x[redacted]');
    expect(secret.toString()).toBe('[redacted]');
  });

  it('serialises as [redacted] in JSON, also nested', () => {
    expect(JSON.stringify(secret)).toBe('"[redacted]"');
    expect(JSON.stringify({ nested: [secret] })).toBe('{"nested":["[redacted]"]}');
  });

  it('inspects as [redacted], also inside objects and format strings', () => {
    expect(inspect(secret)).toBe('[redacted]');
    expect(inspect({ password: secret }, { showHidden: true, depth: 5 })).not.toContain(VALUE);
    expect(format('%s %o %O %j', secret, secret, { secret }, { secret })).not.toContain(VALUE);
  });

  it('does not leak into error messages or stacks built from it', () => {
    const error = new OpsctlError({
      code: 'COMMAND_FAILED',
      kind: 'external',
      // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- careless code on purpose
      message: `login with ${secret} failed`,
    });
    expect(error.message).not.toContain(VALUE);
    expect(error.stack).not.toContain(VALUE);
    expect(inspect(error)).not.toContain(VALUE);
  });

  it('exposes no enumerable property holding the value', () => {
    expect(Object.values(secret)).not.toContain(VALUE);
    expect(JSON.stringify(Object.entries(secret))).not.toContain(VALUE);
    expect(secret.label).toBe('DB_PASSWORD');
  });
});
