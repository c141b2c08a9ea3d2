import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkSecretSettings,
  checkSecretText,
  checkTfvarsSecrets,
  formatProblems,
  loadTerraformTree,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !join(e.parentPath, e.name).includes('/.terraform/'))
    .map((e) => join(e.parentPath, e.name));
}

describe('secrets in the real Terraform code', () => {
  it('holds no credential-looking text in any file under infrastructure/terraform', async () => {
    const files = await filesUnder(terraformDir);
    expect(files.length).toBeGreaterThan(20);
    const problems = [];
    for (const file of files)
      problems.push(...checkSecretText(relative(terraformDir, file), await readFile(file, 'utf8')));
    expect(formatProblems(problems)).toBe('');
  });

  it('marks secret variables sensitive, without defaults, and sets none in terraform.tfvars', () => {
    const problems = [
      ...tree.environments.flatMap((env) => [
        ...checkSecretSettings(env.name, env.root),
        ...checkTfvarsSecrets(env.name, env.tfvars),
      ]),
      ...[...tree.modules].flatMap(([name, dir]) => checkSecretSettings(name, dir)),
    ];
    expect(formatProblems(problems)).toBe('');
  });

  it('declares the Slack webhook as a sensitive variable that the environment supplies', () => {
    for (const env of tree.environments) {
      expect(env.root.variables.get('slack_webhook_url')).toMatchObject({
        sensitive: true,
        default: '',
      });
      expect(env.tfvars).not.toHaveProperty('slack_webhook_url');
    }
  });
});

describe('the secret checks', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it.each([
    ['a DigitalOcean API token', `token = "dop_v1_${'a1'.repeat(32)}"`],
    ['an AWS-style access key id', 'access_key = "AKIAABCDEFGHIJKLMNOP"'],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['a Slack webhook URL', 'url = "https://hooks.slack.com/services/T0000/B0000/abcdefXYZ"'],
    [
      'a URL with an embedded password',
      'url = "postgresql://doadmin:hunter2@db.example.com:25060/defaultdb"',
    ],
  ])('finds %s in text', (what, text) => {
    expect(formatProblems(checkSecretText('main.tf', text))).toContain(`looks like ${what}`);
  });

  it('leaves a connection string assembled from attributes alone', () => {
    const text =
      'value = "postgresql://${digitalocean_database_user.app.name}:${digitalocean_database_user.app.password}@host/db"';
    expect(checkSecretText('outputs.tf', text)).toEqual([]);
  });

  it('reports a literal password argument and a secret variable that is not sensitive', async () => {
    const fixture = await treeWithModule(`variable "api_token" {
  type        = string
  description = "A token with a default."
  default     = "not-so-secret"
}

resource "digitalocean_database_user" "u" {
  password = "literal-password"
}
`);
    cleanup = fixture.cleanup;
    const dir = only([...fixture.modules.values()]);
    const report = formatProblems(checkSecretSettings('m', dir));
    expect(report).toContain('var.api_token: holds a secret but is not marked sensitive = true');
    expect(report).toContain('var.api_token: holds a secret but has a literal default');
    expect(report).toContain('digitalocean_database_user.u.password: is a literal secret');
  });

  it('reports a secret set in terraform.tfvars', () => {
    expect(
      formatProblems(checkTfvarsSecrets('x', { slack_webhook_url: 'https://example.com/hook' })),
    ).toContain('must come from TF_VAR_slack_webhook_url');
  });
});
