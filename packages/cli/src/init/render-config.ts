import { JSON_SCHEMA_PATH } from '../config/json-schema.js';
import { INIT_ENVIRONMENTS, type InitAnswers } from './init-answers.js';

/** The comment that marks every value a user has to replace before the first deploy. */
export const REPLACE_MARK = '# REPLACE:';

/** The droplet tag opsctl looks droplets up by: `opsctl-<environment>-<service>`. */
export const dropletTag = (environment: string, service: string): string =>
  `opsctl-${environment}-${service}`;

function environment(name: string, answers: InitAnswers): string[] {
  const secrets =
    answers.secrets.length === 0
      ? []
      : [
          '    # Values: this environment’s GitHub secrets in CI (the workflow passes them to deploy),',
          `    # or .env.${name} beside this file (list it in .gitignore: it holds the values).`,
          '    secrets:',
          ...answers.secrets.map((secret) => `      - { name: ${secret}, targets: [droplets] }`),
        ];
  const index = INIT_ENVIRONMENTS.indexOf(name as (typeof INIT_ENVIRONMENTS)[number]);
  return [
    `  ${name}:`,
    '    droplets:',
    '      # Every droplet with this DigitalOcean tag runs the service: tag your droplets with it.',
    `      tag: ${dropletTag(name, answers.service)}`,
    '    registry:',
    `      ${REPLACE_MARK} the name of your DigitalOcean Container Registry.`,
    '      digitalocean: replace-me',
    '    ssh:',
    '      user: deploy',
    '      # The workflow writes the deploy key (secret OPSCTL_DEPLOY_KEY) and host keys here.',
    '      key: ~/.ssh/opsctl_deploy',
    '      knownHosts: ~/.ssh/known_hosts',
    '    loadBalancer:',
    `      ${REPLACE_MARK} your load balancer's ID (\`doctl compute load-balancer list\`).`,
    `      digitalocean: 00000000-0000-4000-8000-00000000000${index}`,
    `      ${REPLACE_MARK} the public URL the smoke test calls.`,
    `      url: https://${name}.example.com`,
    ...secrets,
  ];
}

/**
 * opsctl.yaml for one service behind a load balancer in staging and production. The `$schema`
 * line points where `opsctl config schema` writes the JSON Schema, as in the opsctl repository.
 */
export function renderConfig(answers: InitAnswers): string {
  return [
    `# yaml-language-server: $schema=./${JSON_SCHEMA_PATH}`,
    '# opsctl configuration, written by `opsctl init`. Check it with `opsctl config validate`; the',
    '# schema above is written by `opsctl config schema` (run it again after upgrading opsctl).',
    `# Replace every value marked "${REPLACE_MARK}" before the first deploy.`,
    `project: ${answers.project}`,
    'defaultEnvironment: staging',
    '',
    'services:',
    `  ${answers.service}:`,
    '    dockerfile: Dockerfile',
    '    context: .',
    `    port: ${answers.port}`,
    '    healthPath: /health',
    '',
    'environments:',
    ...environment('staging', answers),
    '',
    '  # Deployed from main after staging (the workflow asks for approval if you give the',
    '  # production environment required reviewers on GitHub).',
    ...environment('production', answers),
    '',
  ].join('\n');
}
