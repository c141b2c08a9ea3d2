import { describe, expect, it } from 'vitest';
import { describeWarm } from '../../../src/deploy/describe-warm.js';
import { dropletStatus } from '../../../src/deploy/droplet-status.js';
import { remotePaths } from '../../../src/droplet/remote-paths.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';

const paths = remotePaths('api', 'staging');
const warm = {
  slot: 'blue',
  sha: '111111111111',
  digest: `sha256:${'a'.repeat(64)}`,
  image: `registry.test/api@sha256:${'a'.repeat(64)}`,
  container: 'opsctl-api-blue',
  since: '2026-12-08T00:55:00.000Z',
};
const readOf = (file: string, stdout: string) =>
  [['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi', 'sh', file], { stdout }] as const;

describe('status shows the warm slot, its expiry and its memory', () => {
  it('reads warm.json and the kept container memory of a droplet', async () => {
    const until = new Date(Date.now() + 300_000).toISOString();
    const exec = new RecordingExecutor('droplet-1')
      .on(...readOf(paths.warmFile, JSON.stringify({ ...warm, until })))
      .on(['docker', 'stats', '--no-stream'], { stdout: '41.2MiB / 1.9GiB\n' });
    const status = await dropletStatus('droplet-1', exec, paths, '/health');
    expect(status.warm).toEqual({
      slot: 'blue',
      sha: '111111111111',
      until,
      expired: false,
      memory: '41.2MiB / 1.9GiB',
    });
    expect(describeWarm(status.warm)).toBe(`111111111111 (blue) until ${until}, 41.2MiB`);
  });

  it('marks a kept slot past its window as expired', async () => {
    const exec = new RecordingExecutor('droplet-1').on(
      ...readOf(paths.warmFile, JSON.stringify({ ...warm, until: '2026-01-01T00:00:00.000Z' })),
    );
    const status = await dropletStatus('droplet-1', exec, paths, '/health');
    expect(status.warm?.expired).toBe(true);
    expect(status.warm?.memory).toBeUndefined();
    expect(describeWarm(status.warm)).toBe(
      '111111111111 expired 2026-01-01T00:00:00.000Z (not running; stopped by the next deploy, rollback or prune)',
    );
  });

  it('shows nothing kept when there is no warm.json', async () => {
    const status = await dropletStatus(
      'droplet-1',
      new RecordingExecutor('droplet-1'),
      paths,
      '/h',
    );
    expect(status.warm).toBeUndefined();
    expect(describeWarm(status.warm)).toBe('-');
  });
});
