import type { InitAnswers } from './init-answers.js';

/** Actions the workflow uses, pinned to commits (a tag can be moved) with the release named. */
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const SETUP_NODE = 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0';

/** Minutes a deploy job may run; a rollback waits longer than that for the deploy lock. */
export const DEPLOY_TIMEOUT_MINUTES = 30;
const ROLLBACK_LOCK_WAIT_MINUTES = DEPLOY_TIMEOUT_MINUTES + 10;
const ROLLBACK_TIMEOUT_MINUTES = ROLLBACK_LOCK_WAIT_MINUTES + 20;

const secretEnv = (names: readonly string[]): string[] =>
  names.map((name) => `          ${name}: \${{ secrets.${name} }}`);

function setup(answers: InitAnswers): string[] {
  return [
    '      - name: Check out',
    `        uses: ${CHECKOUT}`,
    '        with:',
    '          persist-credentials: false',
    '      - name: Set up Node.js',
    `        uses: ${SETUP_NODE}`,
    '        with:',
    "          node-version: '24'",
    '      - name: Install opsctl',
    `        run: npm install --global @opsctl/cli@${answers.opsctlVersion}`,
  ];
}

const deployKey = [
  '      - name: Install the deploy key',
  '        env:',
  '          OPSCTL_DEPLOY_KEY: ${{ secrets.OPSCTL_DEPLOY_KEY }}',
  '          OPSCTL_KNOWN_HOSTS: ${{ vars.OPSCTL_KNOWN_HOSTS }}',
  '        run: |',
  '          umask 077',
  '          mkdir -p ~/.ssh',
  '          printf \'%s\\n\' "$OPSCTL_DEPLOY_KEY" > ~/.ssh/opsctl_deploy',
  '          printf \'%s\\n\' "$OPSCTL_KNOWN_HOSTS" >> ~/.ssh/known_hosts',
];

function deployJob(environment: string, needs: string, answers: InitAnswers): string[] {
  return [
    `  deploy-${environment}:`,
    `    name: deploy-${environment}`,
    `    needs: ${needs}`,
    '    runs-on: ubuntu-24.04',
    `    timeout-minutes: ${DEPLOY_TIMEOUT_MINUTES}`,
    `    environment: ${environment}`,
    '    # A deploy that has started is never cancelled; a newer commit’s deploy replaces one still',
    '    # waiting here. Rollbacks are not in this group: opsctl’s deploy lock serialises them.',
    '    concurrency:',
    `      group: opsctl-deploy-${environment}`,
    '      cancel-in-progress: false',
    '    permissions:',
    '      contents: read',
    '    steps:',
    ...setup(answers),
    ...deployKey,
    '      - name: Deploy blue-green (health checks, smoke test and automatic rollback inside)',
    '        env:',
    ...secretEnv(['DIGITALOCEAN_TOKEN', ...answers.secrets]),
    `        run: opsctl deploy ${environment} --sha "$GITHUB_SHA" --lock-wait 10m`,
  ];
}

/**
 * The GitHub Actions workflow `opsctl init` writes: on a push to main, build and push the image,
 * deploy staging, then production; a manual run rolls an environment back to a commit. Secrets
 * reach only the steps that use them; inputs reach scripts as variables, never pasted in.
 */
export function renderWorkflow(answers: InitAnswers): string {
  const workingDirectory =
    answers.workingDirectory === '.'
      ? []
      : ['', 'defaults:', '  run:', `    working-directory: ${answers.workingDirectory}`];
  return [
    '# Build, push, deploy and roll back with opsctl (written by `opsctl init`).',
    '# A push to main builds the image, pushes it, deploys staging, then production. "Run workflow"',
    '# with an environment and a commit SHA rolls back to that release.',
    '# Secrets (per GitHub environment): DIGITALOCEAN_TOKEN, OPSCTL_DEPLOY_KEY (the deploy key’s',
    '# private half) and those opsctl.yaml declares; the variable OPSCTL_KNOWN_HOSTS holds the',
    '# droplets’ host keys.',
    'name: opsctl',
    '',
    'on:',
    '  push:',
    '    branches: [main]',
    '  workflow_dispatch:',
    '    inputs:',
    '      environment:',
    '        description: Environment to roll back',
    '        type: choice',
    '        options: [staging, production]',
    '        required: true',
    '      sha:',
    '        description: Commit SHA of the release to return to (`opsctl releases <env>` lists them)',
    '        type: string',
    '        required: true',
    '',
    '# Nothing by default; each job asks for what it uses.',
    'permissions: {}',
    '',
    '# Nothing that has started is cancelled (cancel-in-progress is false). GitHub keeps one pending',
    '# run per group, so a dispatched rollback gets a group of its own (its run id): no later run can',
    '# replace it while it waits.',
    'concurrency:',
    '  group: >-',
    "    opsctl-${{ github.event_name }}-${{ github.ref }}${{ github.event_name == 'workflow_dispatch'",
    "    && format('-{0}', github.run_id) || '' }}",
    '  cancel-in-progress: false',
    ...workingDirectory,
    '',
    'jobs:',
    '  image:',
    '    name: image',
    "    if: github.event_name == 'push'",
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 30',
    '    # Staging’s environment, for its DIGITALOCEAN_TOKEN; both environments use one registry.',
    '    environment: staging',
    '    permissions:',
    '      contents: read',
    '    env:',
    '      OPSCTL_ENV: staging',
    '    steps:',
    ...setup(answers),
    '      - name: Build the image (tagged with the commit SHA)',
    '        run: opsctl build',
    '      - name: Push the image',
    '        env:',
    ...secretEnv(['DIGITALOCEAN_TOKEN']),
    '        run: opsctl push',
    '',
    ...deployJob('staging', 'image', answers),
    '',
    ...deployJob('production', 'deploy-staging', answers),
    '',
    '  rollback:',
    '    name: rollback',
    "    if: github.event_name == 'workflow_dispatch'",
    '    runs-on: ubuntu-24.04',
    `    timeout-minutes: ${ROLLBACK_TIMEOUT_MINUTES}`,
    '    environment: ${{ inputs.environment }}',
    '    # No concurrency group: GitHub would cancel a waiting rollback when a later run joined it.',
    '    # opsctl’s deploy lock serialises it with deploys instead; --lock-wait outlasts a deploy job.',
    '    permissions:',
    '      contents: read',
    '    steps:',
    ...setup(answers),
    ...deployKey,
    '      - name: Roll back',
    '        env:',
    '          ROLLBACK_ENV: ${{ inputs.environment }}',
    '          ROLLBACK_SHA: ${{ inputs.sha }}',
    ...secretEnv(['DIGITALOCEAN_TOKEN', ...answers.secrets]),
    `        run: opsctl rollback "$ROLLBACK_ENV" --sha "$ROLLBACK_SHA" --lock-wait ${ROLLBACK_LOCK_WAIT_MINUTES}m`,
    '',
  ].join('\n');
}
