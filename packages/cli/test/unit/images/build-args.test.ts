import { describe, expect, it } from 'vitest';
import { resolveBuildArgs, type AutomaticArgs } from '../../../src/images/build-args.js';
import { declaredArgs } from '../../../src/images/dockerfile-args.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';

const automatic: AutomaticArgs = {
  GIT_SHA: 'f'.repeat(40),
  VERSION: '1.2.3',
  BUILT_AT: '2026-01-01T00:00:00Z',
  SOURCE_URL: 'https://github.com/acme/shop',
  EXTRA_CA_CERTS: '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n',
};
const ALL = new Set(['GIT_SHA', 'VERSION', 'BUILT_AT', 'SOURCE_URL', 'EXTRA_CA_CERTS']);

describe('ARG names a Dockerfile declares', () => {
  it('finds plain, defaulted, several-per-line and continued ARG instructions', () => {
    const names = declaredArgs(
      [
        'ARG BASE_IMAGE=node:24-alpine',
        'FROM ${BASE_IMAGE} AS base',
        'arg lower',
        '  ARG A=1 B',
        'ARG \\',
        '  CONTINUED=x',
        'RUN echo ARG NOT_ME',
        'ENV ARG_LIKE=1',
      ].join('\n'),
    );
    expect([...names].sort()).toEqual(['A', 'B', 'BASE_IMAGE', 'CONTINUED', 'lower']);
  });
});

describe('build arguments of one build', () => {
  it('lets OPSCTL_BUILD_ARG_* variables override opsctl.yaml and --build-arg flags override both', () => {
    const { args } = resolveBuildArgs({
      config: { BASE_IMAGE: 'node:24-alpine', NODE_ENV: 'production', ONLY_CONFIG: 'c' },
      env: {
        OPSCTL_BUILD_ARG_BASE_IMAGE: 'opsctl-local/node:24',
        OPSCTL_BUILD_ARG_NODE_ENV: 'staging',
        PATH: '/bin',
      },
      flags: ['NODE_ENV=test', 'WITH_EQUALS=a=b'],
      automatic,
      declared: new Set(),
    });
    expect(Object.fromEntries(args)).toEqual({
      BASE_IMAGE: 'opsctl-local/node:24',
      NODE_ENV: 'test',
      ONLY_CONFIG: 'c',
      WITH_EQUALS: 'a=b',
    });
  });

  it('passes opsctl’s own arguments only to a Dockerfile that declares them', () => {
    const { args } = resolveBuildArgs({
      config: {},
      env: {},
      flags: [],
      automatic,
      declared: new Set(['GIT_SHA', 'EXTRA_CA_CERTS']),
    });
    expect([...args.keys()].sort()).toEqual(['EXTRA_CA_CERTS', 'GIT_SHA']);
    expect(args.get('GIT_SHA')).toBe(automatic.GIT_SHA);
  });

  it('never lets a user value claim another commit, and reports the value it replaced', () => {
    const { args, overridden } = resolveBuildArgs({
      config: { GIT_SHA: 'not-the-commit', VERSION: '1.2.3' },
      env: {},
      flags: [],
      automatic,
      declared: ALL,
    });
    expect(args.get('GIT_SHA')).toBe(automatic.GIT_SHA);
    expect(overridden).toEqual(['GIT_SHA']);
  });

  it('keeps an explicitly given EXTRA_CA_CERTS over the file NODE_EXTRA_CA_CERTS names', () => {
    const { args, overridden } = resolveBuildArgs({
      config: {},
      env: {},
      flags: ['EXTRA_CA_CERTS=mine'],
      automatic,
      declared: ALL,
    });
    expect(args.get('EXTRA_CA_CERTS')).toBe('mine');
    expect(overridden).toEqual([]);
  });

  it('leaves out automatic arguments that have no value (no origin remote, no extra CA file)', () => {
    const { args } = resolveBuildArgs({
      config: {},
      env: {},
      flags: [],
      automatic: { ...automatic, SOURCE_URL: undefined, EXTRA_CA_CERTS: undefined },
      declared: ALL,
    });
    expect(args.has('SOURCE_URL')).toBe(false);
    expect(args.has('EXTRA_CA_CERTS')).toBe(false);
  });

  it('refuses a --build-arg without "=" and a malformed name, as usage errors', () => {
    const base = { config: {}, env: {}, automatic, declared: ALL };
    for (const [flags, env] of [
      [['NOVALUE'], {}],
      [['1BAD=x'], {}],
      [[], { 'OPSCTL_BUILD_ARG_BAD-NAME': 'x' }],
    ] as const) {
      let error: unknown;
      try {
        resolveBuildArgs({ ...base, flags, env });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OpsctlError);
      expect((error as OpsctlError).code).toBe('BUILD_ARG_INVALID');
      expect((error as OpsctlError).exitCode).toBe(2);
    }
  });
});
