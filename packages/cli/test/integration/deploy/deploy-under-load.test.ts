import { startLoad, type Answer, type RunningLoad } from '@opsctl/testbed';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { LB_URL, versionOf, waitForAllUp } from '../support/load-balancer.js';
import { opsctl } from '../support/opsctl.js';

const v1 = fakeSha();
const v2 = fakeSha();
const short = (sha: string): string => sha.slice(0, 12);

/** The read load's rate: turns a span of sequence numbers into the time it took to send them. */
const READ_RATE = 100;
/**
 * What a switch guarantees (docs/runbooks/deployment.md): on each droplet, before its first answer
 * from the new release every answer is the old one's, and later than MIXED_WINDOW_MS after it (by
 * send time) every answer is the new one's. In between both may answer: `nginx -s reload` starts
 * the new workers before the old ones stop taking requests on the load balancer's keep-alive
 * connections.
 */
const MIXED_WINDOW_MS = 2_000;

function expectSwitchedOnce(answers: readonly Answer[], from: string, to: string): void {
  const byDroplet = new Map<string, Answer[]>();
  for (const a of answers) {
    const list = byDroplet.get(a.droplet ?? '?') ?? [];
    list.push(a);
    byDroplet.set(a.droplet ?? '?', list);
  }
  expect([...byDroplet.keys()].sort()).toEqual(['droplet-1', 'droplet-2']);
  for (const [droplet, list] of byDroplet) {
    const versions = list.map((a) => versionOf(a.body));
    const folded = versions.filter((v, i) => i === 0 || v !== versions[i - 1]);
    expect(folded.at(-1), `${droplet} ends on the new release`).toBe(short(to));
    expect(new Set(versions), `${droplet} answers only from the two releases`).toEqual(
      new Set(folded.length === 1 ? [short(to)] : [short(from), short(to)]),
    );
    const firstNew = list.find((a) => versionOf(a.body) === short(to))?.n ?? 0;
    const lastOld = list.findLast((a) => versionOf(a.body) === short(from))?.n ?? firstNew;
    const mixedMs = (Math.max(0, lastOld - firstNew) * 1000) / READ_RATE;
    expect(
      mixedMs,
      `${droplet} mixed window: ${folded.join(' -> ')} over ${mixedMs} ms of sends`,
    ).toBeLessThanOrEqual(MIXED_WINDOW_MS);
  }
}

describe('deploy and rollback through the load balancer under constant traffic', () => {
  beforeAll(async () => {
    await buildApiRelease(v1);
    await buildApiRelease(v2);
    const first = await opsctl(['deploy', 'local', '--sha', v1, '--json']);
    expect(first.exitCode, first.stderr).toBe(0);
    await waitForAllUp();
  });

  it('drops no request, switches each droplet within the stated mixed window per step and loses no write', async () => {
    const reads: RunningLoad = startLoad({
      url: LB_URL,
      path: '/version',
      rate: READ_RATE,
      connections: 8,
      maxRequests: 20_000,
    });
    const writes: RunningLoad = startLoad({
      url: LB_URL,
      path: '/items',
      method: 'POST',
      rate: 10,
      connections: 2,
      maxRequests: 2_000,
      body: (n) => JSON.stringify({ name: `during-deploy-${v2.slice(0, 6)}-${n}` }),
    });
    const steps: { args: string[]; from: string; to: string; start: number; end: number }[] = [];
    const step = async (args: string[], from: string, to: string): Promise<void> => {
      const start = reads.sentSoFar();
      const run = await opsctl([...args, '--json']);
      expect(run.exitCode, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect((run.json?.result as { sha: string }).sha).toBe(short(to));
      steps.push({ args, from, to, start, end: reads.sentSoFar() });
    };
    try {
      await step(['deploy', 'local', '--sha', v2], v1, v2);
      await step(['rollback', 'local'], v2, v1);
      await step(['deploy', 'local', '--sha', v2], v1, v2);
      await step(['rollback', 'local', '--sha', short(v1).slice(0, 7)], v2, v1);
      await step(['deploy', 'local', '--sha', v2], v1, v2);
    } finally {
      const readReport = await reads.stop();
      const writeReport = await writes.stop();
      expect(readReport.failures, 'failed reads').toEqual({});
      expect(writeReport.failures, 'failed writes').toEqual({});
      expect(readReport.failed + writeReport.failed).toBe(0);
      expect(readReport.sent).toBeGreaterThan(1000);
      for (const s of steps) {
        expectSwitchedOnce(
          readReport.answers.filter((a) => a.n >= s.start && a.n < s.end),
          s.from,
          s.to,
        );
      }
      expect(new Set(readReport.answers.map((a) => versionOf(a.body)))).toEqual(
        new Set([short(v1), short(v2)]),
      );
      const ids = writeReport.answers.map((a) => (JSON.parse(a.body) as { id: string }).id);
      expect(ids.length).toBe(writeReport.sent);
      for (const id of ids) {
        const res = await fetch(`${LB_URL}/items/${id}`);
        expect(res.status, `item ${id} written during the deploys`).toBe(200);
      }
    }
  });

  it('keeps the releases as history that `opsctl releases` shows, newest first', async () => {
    const run = await opsctl(['releases', 'local', '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const releases = (
      run.json?.result as {
        releases: { sha: string; kind: string; droplet: string; outcome: string }[];
      }
    ).releases;
    const kinds = releases
      .filter((r) => r.droplet === 'droplet-1')
      .map((r) => `${r.kind} ${r.sha}`);
    expect(kinds.slice(0, 5)).toEqual([
      `deploy ${short(v2)}`,
      `rollback ${short(v1)}`,
      `deploy ${short(v2)}`,
      `rollback ${short(v1)}`,
      `deploy ${short(v2)}`,
    ]);
    // Other suites' releases (failed ones among them) may come before: only this run's five count.
    for (const droplet of ['droplet-1', 'droplet-2']) {
      const ours = releases.filter((r) => r.droplet === droplet).slice(0, 5);
      expect(ours.map((r) => r.outcome)).toEqual(Array(5).fill('succeeded'));
    }
  });
});
