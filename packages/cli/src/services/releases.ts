import type { CommandContext } from '../context/command-context.js';
import { environmentHandles } from '../deploy/environment-handles.js';
import { readReleases, type ReleaseRecord } from '../droplet/releases/release-record.js';

export interface ReleasesOptions {
  readonly service: string | undefined;
  /** Show at most this many releases, newest first. */
  readonly limit: number;
}

export interface ReleasesResult {
  readonly environment: string;
  readonly service: string;
  /** Newest first; one entry per droplet a release touched. */
  readonly releases: readonly ReleaseRecord[];
}

/** Show the release history of an environment, merged from every droplet's append-only log. */
export async function releases(
  context: CommandContext,
  options: ReleasesOptions,
): Promise<ReleasesResult> {
  const h = await environmentHandles(context, options.service);
  const all = (
    await Promise.all(h.droplets.map((d) => readReleases(d.exec, h.paths.releasesFile)))
  ).flat();
  const ids = [
    ...new Set(all.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((r) => r.id)),
  ].slice(0, options.limit);
  const shown = all.filter((r) => ids.includes(r.id));
  context.output.table(shown, [
    { header: 'STARTED', value: (r) => r.startedAt },
    { header: 'KIND', value: (r) => r.kind },
    { header: 'SHA', value: (r) => r.sha },
    { header: 'DROPLET', value: (r) => r.droplet },
    { header: 'OUTCOME', value: (r) => r.outcome },
    { header: 'DURATION', value: (r) => `${(r.durationMs / 1000).toFixed(1)} s` },
    { header: 'ACTOR', value: (r) => r.actor },
  ]);
  return { environment: h.environment.name, service: h.service, releases: shown };
}
