import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse-config.js';
import { exposedPort } from '../../../src/init/dockerfile-port.js';
import { appendEnvExample } from '../../../src/init/env-example.js';
import { appendGitignore } from '../../../src/init/gitignore.js';
import { slugFromFolder, type InitAnswers } from '../../../src/init/init-answers.js';
import { planInit } from '../../../src/init/init-plan.js';
import { validateAnswers } from '../../../src/init/resolve-answers.js';

const answers: InitAnswers = {
  project: 'shop',
  service: 'web',
  port: 8080,
  secrets: ['DATABASE_URL', 'REDIS_URL'],
  opsctlVersion: '1.2.3',
  workingDirectory: '.',
};
const file = (plan: ReturnType<typeof planInit>, path: string) =>
  plan.files.find((f) => f.path === path)?.content ?? '';

describe('the init plan', () => {
  it('writes opsctl.yaml, its JSON Schema and the workflow, and appends the secrets to .env.example', () => {
    const plan = planInit(answers, undefined, undefined);
    expect(plan.files.map((f) => [f.path, f.mode])).toEqual([
      ['opsctl.yaml', 'create'],
      ['schema/opsctl.schema.json', 'create'],
      ['.github/workflows/opsctl.yml', 'create'],
      ['.env.example', 'append'],
      ['.gitignore', 'append'],
    ]);
    expect(file(plan, '.env.example')).toMatch(/^# .*\n# .*\nDATABASE_URL=\nREDIS_URL=\n$/);
    expect(JSON.parse(file(plan, 'schema/opsctl.schema.json'))).toHaveProperty(
      'properties.services',
    );
  });

  it('opsctl.yaml names the schema editors read and passes the config schema as written', () => {
    const text = file(planInit(answers, undefined, undefined), 'opsctl.yaml');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/opsctl.schema.json');
    const loaded = parseConfigText(text, { path: '/repo/opsctl.yaml', home: '/home/u' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { config } = loaded.loaded;
    expect(config.project).toBe('shop');
    expect(config.services.web).toMatchObject({ port: 8080, healthPath: '/health' });
    expect(config.services.web?.dockerfile).toBe('/repo/Dockerfile');
    for (const env of ['staging', 'production']) {
      const environment = config.environments[env];
      expect(environment?.droplets).toEqual({ kind: 'tag', tag: `opsctl-${env}-web` });
      expect(environment?.registry.kind).toBe('digitalocean');
      expect(environment?.loadBalancer?.url).toBe(`https://${env}.example.com`);
      expect(environment?.secrets.map((s) => [s.name, s.targets])).toEqual([
        ['DATABASE_URL', [{ kind: 'droplets' }]],
        ['REDIS_URL', [{ kind: 'droplets' }]],
      ]);
    }
  });

  it('marks every placeholder a user must replace', () => {
    const lines = file(planInit(answers, undefined, undefined), 'opsctl.yaml').split('\n');
    const placeholders = lines.flatMap((line, i) =>
      /replace-me|00000000-0000|example\.com/.test(line) ? [i] : [],
    );
    expect(placeholders).toHaveLength(6);
    for (const i of placeholders) expect(lines[i - 1], lines[i]).toMatch(/^\s*# REPLACE: /);
  });

  it('the workflow installs the opsctl release that wrote it and passes each secret to deploy and rollback', () => {
    const workflow = file(planInit(answers, undefined, undefined), '.github/workflows/opsctl.yml');
    expect(workflow).toContain('run: npm install --global @opsctl/cli@1.2.3');
    expect(workflow.match(/DATABASE_URL: \$\{\{ secrets\.DATABASE_URL \}\}/g)).toHaveLength(3);
    expect(workflow).not.toContain('working-directory');
  });

  it('from a folder below the repository root, the workflow goes to the root and runs in that folder', () => {
    const plan = planInit({ ...answers, workingDirectory: 'services/web' }, undefined, undefined);
    expect(plan.files[2]?.path).toBe('../../.github/workflows/opsctl.yml');
    expect(plan.files[2]?.content).toContain(
      'defaults:\n  run:\n    working-directory: services/web\n',
    );
  });

  it('declares no secrets and touches no .env.example when none are given', () => {
    const plan = planInit({ ...answers, secrets: [] }, undefined, undefined);
    expect(plan.files.map((f) => f.path)).not.toContain('.env.example');
    expect(file(plan, 'opsctl.yaml')).not.toContain('secrets:');
  });
});

describe('.env.example', () => {
  it('appends only the names it does not list yet, keeping what is there', () => {
    const before = 'PORT=3000\nexport DATABASE_URL=postgres://localhost/dev';
    const after = appendEnvExample(before, ['DATABASE_URL', 'REDIS_URL', 'REDIS_URL']);
    expect(after?.startsWith(`${before}\n\n`)).toBe(true);
    expect(after?.match(/^(?:export )?DATABASE_URL=/gm)).toHaveLength(1);
    expect(after?.match(/^REDIS_URL=$/gm)).toHaveLength(1);
  });

  it('is left alone when it lists every secret already', () => {
    expect(appendEnvExample('DATABASE_URL=\n', ['DATABASE_URL'])).toBeUndefined();
  });
});

describe('.gitignore', () => {
  it('keeps .env.<environment> files and .opsctl/ out of git, and .env.example in', () => {
    const after = appendGitignore('node_modules/\ndist');
    expect(after).toBe(
      'node_modules/\ndist\n\n# Written by opsctl: secret values (.env.<environment>) and local state.\n.env.*\n!.env.example\n.opsctl/\n',
    );
  });

  it('appends only what it lacks, and nothing when it has every entry', () => {
    expect(appendGitignore('.opsctl/\n')).toMatch(/\n\.env\.\*\n!\.env\.example\n$/);
    expect(appendGitignore('.env.*\n!.env.example\n.opsctl/\n')).toBeUndefined();
  });
});

describe('defaults and answers', () => {
  it('takes the port from the first TCP port a Dockerfile exposes', () => {
    expect(exposedPort('FROM node\nEXPOSE 8080\n')).toBe(8080);
    expect(exposedPort('FROM node\nexpose 53/udp \\\n  9000/tcp\n')).toBe(9000);
    expect(exposedPort('FROM node\nEXPOSE $PORT\n')).toBeUndefined();
    expect(exposedPort('FROM node\n# EXPOSE 80\n')).toBeUndefined();
  });

  it('makes a valid name of any folder name', () => {
    expect(slugFromFolder('My_Shop.v2')).toBe('my-shop-v2');
    expect(slugFromFolder('2048-game')).toBe('app-2048-game');
    expect(slugFromFolder('x'.repeat(50))).toHaveLength(40);
  });

  it('refuses a service name, port or secret name opsctl.yaml would reject, saying which', () => {
    const fixed = { project: 'shop', opsctlVersion: '1.0.0', workingDirectory: '.' };
    const draft = { service: 'web', port: 3000, secrets: ['API_KEY'] };
    expect(validateAnswers(draft, fixed).service).toBe('web');
    expect(() => validateAnswers({ ...draft, service: 'Web' }, fixed)).toThrow(
      /service name "Web"/,
    );
    expect(() => validateAnswers({ ...draft, port: 70_000 }, fixed)).toThrow(/port "70000"/);
    expect(() => validateAnswers({ ...draft, secrets: ['API-KEY'] }, fixed)).toThrow(
      /secret name "API-KEY"/,
    );
    expect(() => validateAnswers({ ...draft, secrets: ['GITHUB_PAT'] }, fixed)).toThrow(/GITHUB_/);
  });
});
