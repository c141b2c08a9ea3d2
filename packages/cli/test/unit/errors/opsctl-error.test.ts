import { Errors } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../src/errors/exit-codes.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import {
  errorEnvelope,
  githubErrorAnnotation,
  renderHumanError,
} from '../../../src/errors/render-error.js';
import { toOpsctlError } from '../../../src/errors/to-opsctl-error.js';
import { Redactor } from '../../../src/secrets/redactor.js';

describe('OpsctlError', () => {
  it('derives the exit code from its kind unless one is given', () => {
    const kinds = { user: 2, external: 3, bug: 1, cancelled: 130 } as const;
    for (const [kind, code] of Object.entries(kinds)) {
      expect(
        new OpsctlError({ code: 'X', kind: kind as keyof typeof kinds, message: 'm' }).exitCode,
      ).toBe(code);
    }
    const held = new OpsctlError({
      code: 'LOCK_HELD',
      kind: 'external',
      message: 'm',
      exitCode: EXIT_CODES.lockHeld,
    });
    expect(held.exitCode).toBe(5);
  });

  it('rejects codes that are not UPPER_SNAKE', () => {
    expect(() => new OpsctlError({ code: 'lower-case', kind: 'user', message: 'm' })).toThrow(
      /UPPER_SNAKE/,
    );
  });
});

describe('toOpsctlError', () => {
  it('turns oclif parse errors into USAGE with a clean message', () => {
    const parse = new Error(
      'Parsing --lock-wait \n\texpected a duration\nSee more help with --help',
    );
    expect(toOpsctlError(parse)).toMatchObject({
      code: 'USAGE',
      kind: 'user',
      message: '--lock-wait: expected a duration',
    });
    expect(toOpsctlError(new Errors.CLIError('Nonexistent flag: --x')).code).toBe('USAGE');
  });

  it('turns anything after an abort into CANCELLED', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toOpsctlError(new Error('socket closed'), controller.signal)).toMatchObject({
      code: 'CANCELLED',
      exitCode: 130,
    });
  });

  it('turns unknown errors into an INTERNAL bug that keeps the cause', () => {
    const cause = new TypeError('x is undefined');
    const error = toOpsctlError(cause);
    expect(error).toMatchObject({ code: 'INTERNAL', kind: 'bug', exitCode: 1 });
    expect(error.cause).toBe(cause);
  });
});

describe('rendering errors', () => {
  const redactor = new Redactor();
  redactor.add('pa55word-value');
  const error = new OpsctlError({
    code: 'COMMAND_FAILED',
    kind: 'external',
    message: 'docker login with pa55word-value failed',
    details: { output: 'pa55word-value' },
  });

  it('shows message and hint for people, masked, with details only when verbose', () => {
    const text = renderHumanError(error, { redactor, verbose: false });
    expect(text).toContain('Error [COMMAND_FAILED]: docker login with [redacted] failed');
    expect(text).toContain('Hint: ');
    expect(text).not.toContain('Details');
    const verbose = renderHumanError(error, { redactor, verbose: true });
    expect(verbose).toContain('Details');
    expect(verbose).toContain('at ');
    expect(verbose).not.toContain('pa55word-value');
  });

  it('builds the failure envelope with code, message, hint and masked details', () => {
    expect(errorEnvelope(error, redactor)).toEqual({
      status: 3,
      error: {
        code: 'COMMAND_FAILED',
        message: 'docker login with [redacted] failed',
        hint: expect.any(String) as string,
        details: { output: '[redacted]' },
      },
    });
  });

  it('writes a GitHub ::error annotation on one line', () => {
    const multi = new OpsctlError({ code: 'CONFIG_INVALID', kind: 'user', message: 'two\nlines' });
    const line = githubErrorAnnotation(multi, redactor);
    expect(line).toMatch(/^::error title=opsctl CONFIG_INVALID::two%0Alines Hint: .+\n$/);
    expect(line.trimEnd()).not.toContain('\n');
  });
});
