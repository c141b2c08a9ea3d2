import { describe, expect, it } from 'vitest';
import { readDropletReleases } from '../../../src/droplet/releases/droplet-releases.js';
import { remotePaths } from '../../../src/droplet/remote-paths.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { refusal } from '../../support/refusal.js';

const paths = remotePaths('api', 'staging');
const READ = ['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi', 'sh'];
const DIGEST = `sha256:${'a'.repeat(64)}`;
const IMAGE = `registry.test/team/api@${DIGEST}`;

const active = (over: Record<string, string> = {}): string =>
  JSON.stringify({
    slot: 'blue',
    sha: 'aaaa11111111',
    digest: DIGEST,
    image: IMAGE,
    container: 'opsctl-api-blue',
    since: '2026-01-01T00:00:00Z',
    ...over,
  });

const record = (over: Record<string, string> = {}): string =>
  JSON.stringify({
    id: 'r1',
    kind: 'deploy',
    service: 'api',
    environment: 'staging',
    sha: 'aaaa11111111',
    digest: DIGEST,
    image: IMAGE,
    droplet: 'droplet-1',
    outcome: 'succeeded',
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    actor: 'ci',
    ...over,
  });

const read = (activeJson: string, history: string) =>
  readDropletReleases(
    new RecordingExecutor('droplet-1')
      .on([...READ, paths.releasesFile], { stdout: history })
      .on([...READ, paths.activeFile], { stdout: activeJson }),
    paths,
  );

describe('values read back from a droplet that docker would take as options', () => {
  it('reads well-formed files', async () => {
    const state = await read(active(), record());
    expect(state.active?.container).toBe('opsctl-api-blue');
    expect(state.history[0]?.image).toBe(IMAGE);
  });

  it.each([
    ['container', '--privileged'],
    ['image', '--volume=/:/host'],
    ['image', '-v'],
  ])('refuses an active.json %s of %s, naming the droplet and the file', async (field, value) => {
    const error = await refusal(read(active({ [field]: value }), record()));
    expect(error.code).toBe('DROPLET_FILE_MALFORMED');
    expect(error.message).toContain(`${paths.activeFile} on droplet-1 is malformed: ${field}:`);
    expect(error.message).toContain('a leading "-" would reach docker as an option');
  });

  it('refuses a release record whose image starts with "-", naming the line', async () => {
    const history = `${record()}\n${record({ id: 'r2', image: '--privileged' })}`;
    const error = await refusal(read(active(), history));
    expect(error.code).toBe('DROPLET_FILE_MALFORMED');
    expect(error.message).toContain(
      `${paths.releasesFile} on droplet-1 is malformed: line 2: image:`,
    );
  });
});
