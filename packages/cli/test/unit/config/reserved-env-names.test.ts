import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse-config.js';
import { formatProblem } from '../../../src/config/problem.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';

const withEnv = (lines: string): string =>
  MINIMAL_CONFIG.replace(
    '    dockerfile: docker/api/Dockerfile\n',
    `    dockerfile: docker/api/Dockerfile\n    env:\n${lines}`,
  );

const withSecret = (name: string): string =>
  `${MINIMAL_CONFIG}    secrets:\n      - { name: ${name}, targets: [droplets] }\n`;

function problems(text: string): string[] {
  const result = parseConfigText(text, { path: '/x/opsctl.yaml' });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('reserved environment variable names in opsctl.yaml', () => {
  it.each([
    'PATH',
    'HOME',
    'SHELL',
    'IFS',
    'NODE_OPTIONS',
    'LD_PRELOAD',
    'LD_LIBRARY_PATH',
    'DOCKER_HOST',
    'DOCKER_CONFIG',
    'ld_preload',
  ])('refuses %s in a service’s env, naming the key', (name) => {
    const found = problems(withEnv(`      ${name}: x\n`));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`services.api.env.${name}`);
    expect(found[0]).toMatch(/reserved.*choose an application-specific name/);
  });

  it('refuses a reserved name among declared secrets, naming the entry', () => {
    const found = problems(withSecret('DOCKER_HOST'));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('environments.staging.secrets[0].name');
    expect(found[0]).toContain('DOCKER_ are reserved');
  });

  it('reports every reserved name at once', () => {
    expect(
      problems(withEnv('      PATH: /x\n      LD_AUDIT: y\n      APP_MODE: fast\n')),
    ).toHaveLength(2);
  });

  it('accepts ordinary names, including ones that only contain a reserved word', () => {
    expect(
      problems(withEnv('      APP_HOME: /srv\n      NODE_ENV: production\n      MY_PATH: a\n')),
    ).toEqual([]);
    expect(problems(withSecret('DATABASE_URL'))).toEqual([]);
  });
});
