import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse-config.js';
import { formatProblem } from '../../../src/config/problem.js';
import { parseRotationPeriod } from '../../../src/config/rotation-period.js';
import type { OpsctlConfig } from '../../../src/config/types.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';

const withSecrets = (secrets: string, top = ''): string =>
  `${top}${MINIMAL_CONFIG}    secrets:\n${secrets}`;

function parsed(text: string): OpsctlConfig {
  const result = parseConfigText(text, { path: '/x/opsctl.yaml' });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.loaded.config;
}

function problems(text: string): string[] {
  const result = parseConfigText(text, { path: '/x/opsctl.yaml' });
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.problems.map(formatProblem);
}

describe('secret declarations in opsctl.yaml', () => {
  it('reads the short and the long forms of every target, with a 90-day rotation by default', () => {
    const config = parsed(
      withSecrets(
        `      - { name: DATABASE_URL, targets: [droplets, github] }
      - name: STRIPE_KEY
        rotateEvery: 30d
        targets:
          - droplets: { service: api }
          - github: { environment: production }
          - vercel: { project: web, teamId: team_abc123, targets: [production, preview] }
          - vercel: { project: docs, targets: [development], type: encrypted }
`,
        'github:\n  repository: acme/shop\n',
      ),
    );
    const [db, stripe] = config.environments.staging?.secrets ?? [];
    expect(db).toEqual({
      name: 'DATABASE_URL',
      rotateEvery: 90,
      targets: [
        { kind: 'droplets', service: undefined },
        { kind: 'github', environment: undefined },
      ],
    });
    expect(stripe?.rotateEvery).toBe(30);
    expect(stripe?.targets).toEqual([
      { kind: 'droplets', service: 'api' },
      { kind: 'github', environment: 'production' },
      {
        kind: 'vercel',
        project: 'web',
        teamId: 'team_abc123',
        targets: ['production', 'preview'],
        type: 'sensitive',
      },
      {
        kind: 'vercel',
        project: 'docs',
        teamId: undefined,
        targets: ['development'],
        type: 'encrypted',
      },
    ]);
    expect(config.environments.staging?.github).toEqual({ repository: 'acme/shop' });
  });

  it('lets an environment name its own GitHub repository', () => {
    const text = `${MINIMAL_CONFIG}    github: { repository: acme/staging-shop }\n    secrets:\n      - { name: A_TOKEN, targets: [github] }\n`;
    expect(parsed(text).environments.staging?.github).toEqual({
      repository: 'acme/staging-shop',
    });
  });

  it('explains a broken target by the part that is wrong, not as a bare invalid input', () => {
    expect(
      problems(
        withSecrets(
          `      - { name: A_TOKEN, targets: [vercel, { vercel: { targets: [production] } }, { vercel: { project: w, targets: [production], colour: red } }] }\n`,
        ),
      ),
    ).toEqual([
      'environments.staging.secrets[0].targets[0]: expected droplets, github, or an object such as { vercel: { project: web, targets: [production] } } (line 15)',
      'environments.staging.secrets[0].targets[1].vercel.project: required (expected string) (line 15)',
      'environments.staging.secrets[0].targets[2].vercel.colour: unknown key (allowed: project, teamId, targets, type) (line 15)',
    ]);
  });

  it('refuses what GitHub and Vercel would refuse, before any call is made', () => {
    expect(
      problems(
        withSecrets(
          `      - { name: GITHUB_PAT, targets: [github] }
      - { name: web_key, targets: [{ vercel: { project: web, targets: [development, development] } }] }
      - { name: WEB_KEY, targets: [droplets] }
`,
          'github:\n  repository: acme/shop\n',
        ),
      ),
    ).toEqual([
      'environments.staging.secrets[0].name: GitHub refuses secret names that start with GITHUB_; choose another name (line 17)',
      'environments.staging.secrets[1].targets[0].vercel.targets[1]: "development" twice (line 18)',
      'environments.staging.secrets[1].targets[0].vercel.targets: Vercel does not allow sensitive variables in development; use type: encrypted or drop development (line 18)',
      'environments.staging.secrets[2].name: secret "WEB_KEY" is declared twice (line 19)',
    ]);
  });

  it('checks targets against the rest of the file: services, repository, plain variables', () => {
    const text = MINIMAL_CONFIG.replace(
      '    dockerfile: docker/api/Dockerfile\n',
      '    dockerfile: docker/api/Dockerfile\n    env: { LOG_LEVEL: info }\n',
    );
    expect(
      problems(
        `${text}    secrets:
      - { name: LOG_LEVEL, targets: [droplets] }
      - { name: A_TOKEN, targets: [{ droplets: { service: web } }, github, github] }
`,
      ),
    ).toEqual([
      'environments.staging.secrets[0].name: LOG_LEVEL is also a plain variable in services.api.env; keep it in one place (line 16)',
      'environments.staging.secrets[1].targets[2]: the same target is listed twice (line 17)',
      'environments.staging.secrets[1].targets[0].droplets.service: "web" is not a declared service (api) (line 17)',
      'environments.staging.secrets[1].targets[1]: no GitHub repository: set "github.repository" at the top level or in environments.staging (line 17)',
      'environments.staging.secrets[1].targets[2]: no GitHub repository: set "github.repository" at the top level or in environments.staging (line 17)',
    ]);
  });

  it('keeps env files in the directory the droplets reserve for them', () => {
    expect(problems(`${MINIMAL_CONFIG}    envFile: /home/deploy/api.env\n`)).toEqual([
      'environments.staging.envFile: expected a file in /etc/opsctl/env/ (the root-only directory opsctl-env writes), e.g. /etc/opsctl/env/{service}.env (line 14)',
    ]);
  });

  it('reports a rotation period it cannot read', () => {
    expect(
      problems(withSecrets(`      - { name: A_TOKEN, targets: [droplets], rotateEvery: 3mo }\n`)),
    ).toEqual([
      'environments.staging.secrets[0].rotateEvery: expected a period such as 30d, 90d or 12w (line 15)',
    ]);
  });
});

describe('parseRotationPeriod', () => {
  it.each([
    ['1d', 1],
    ['90d', 90],
    ['12w', 84],
  ])('reads %s as %i days', (text, days) => {
    expect(parseRotationPeriod(text)).toEqual({ ok: true, days });
  });

  it.each(['0d', '90', '3mo', '1.5d', '40000d'])('refuses %j', (text) => {
    expect(parseRotationPeriod(text).ok).toBe(false);
  });
});
