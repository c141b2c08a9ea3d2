import { describe, expect, it } from 'vitest';
import { readRepoFile } from './support/repo.js';

const sections = (path: string): string[] =>
  readRepoFile(path)
    .split('\n')
    .filter((l) => /^#{2,3} /.test(l))
    .map((l) => l.replace(/^#+ /, ''));

describe('the runbooks', () => {
  it('cover deployment, rollback, secrets, monitoring and alerting, and disaster recovery', () => {
    for (const name of [
      'deployment',
      'rollback',
      'secrets',
      'monitoring-and-alerting',
      'disaster-recovery',
    ]) {
      expect(readRepoFile(`docs/runbooks/${name}.md`).length, name).toBeGreaterThan(1500);
    }
  });

  it('rollback gives the one-command path and the manual path through the files opsctl keeps on a droplet', () => {
    expect(sections('docs/runbooks/rollback.md')).toEqual(
      expect.arrayContaining(['One command', 'By hand, when opsctl cannot run']),
    );
    const text = readRepoFile('docs/runbooks/rollback.md');
    for (const needed of [
      '/etc/opsctl/nginx/upstreams/api.conf',
      '/var/lib/opsctl/api/releases.jsonl',
      '/var/lib/opsctl/api/active.json',
      'sudo /usr/sbin/nginx -t && sudo /usr/sbin/nginx -s reload',
      'docker --config "$CFG" pull "$IMAGE"',
    ]) {
      expect(text, needed).toContain(needed);
    }
  });

  it('disaster recovery estimates a recovery time for every scenario and has a section for each', () => {
    const text = readRepoFile('docs/runbooks/disaster-recovery.md');
    const scenarios = [
      'Database damaged or lost',
      'Region lost',
      'Container registry lost',
      'Deploy key lost or leaked',
    ];
    expect(sections('docs/runbooks/disaster-recovery.md')).toEqual(
      expect.arrayContaining(scenarios),
    );
    const rows = text
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Scenario') && !l.startsWith('| ---'));
    for (const scenario of scenarios) {
      const row = rows.find((r) => r.startsWith(`| ${scenario} |`));
      expect(row, scenario).toBeDefined();
      expect(row?.split('|')[2], `${scenario} RTO`).toMatch(/\d+ (minutes|hours?)/);
    }
  });
});
