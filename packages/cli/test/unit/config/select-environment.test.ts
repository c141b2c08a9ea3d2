import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse-config.js';
import { selectEnvironment } from '../../../src/config/select-environment.js';
import type { OpsctlConfig } from '../../../src/config/types.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';

function config(extra = ''): OpsctlConfig {
  const text = `${MINIMAL_CONFIG}  local:\n    droplets: { tag: local }\n    ssh: { key: k }\n${extra}`;
  const result = parseConfigText(text, { path: '/repo/opsctl.yaml' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.loaded.config;
}

function thrown(run: () => unknown): OpsctlError {
  try {
    run();
  } catch (error) {
    if (error instanceof OpsctlError) return error;
  }
  throw new Error('expected an OpsctlError');
}

describe('selectEnvironment', () => {
  const withDefault = config('defaultEnvironment: local\n');

  it('prefers the argument, then OPSCTL_ENV, then defaultEnvironment', () => {
    expect(selectEnvironment(withDefault, 'staging', 'local')).toMatchObject({
      name: 'staging',
      source: 'argument',
    });
    expect(selectEnvironment(withDefault, undefined, 'staging')).toMatchObject({
      name: 'staging',
      source: 'OPSCTL_ENV',
    });
    expect(selectEnvironment(withDefault, undefined, undefined)).toMatchObject({
      name: 'local',
      source: 'defaultEnvironment',
    });
  });

  it('returns the environment settings with its resolved registry', () => {
    expect(selectEnvironment(withDefault, 'staging', undefined).config.registry.prefix).toBe(
      'registry.example.com:5000/team',
    );
  });

  it('asks for an environment when none is given anywhere', () => {
    const error = thrown(() => selectEnvironment(config(), undefined, undefined));
    expect(error.code).toBe('ENVIRONMENT_NOT_SET');
    expect(error.hint).toContain('staging, local');
  });

  it('names the known environments when the requested one does not exist', () => {
    const error = thrown(() => selectEnvironment(config(), undefined, 'prod'));
    expect(error).toMatchObject({ code: 'ENVIRONMENT_UNKNOWN', kind: 'user' });
    expect(error.message).toBe('Environment "prod" (from OPSCTL_ENV) is not in opsctl.yaml.');
    expect(error.hint).toBe('Use one of: staging, local.');
  });
});
