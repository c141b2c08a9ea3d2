/** A line of a command's output and when it came, in seconds since the command started. */
export interface TimedLine {
  readonly at: number;
  readonly text: string;
}

export interface Part {
  readonly name: string;
  readonly seconds: number;
}

/**
 * The parts of `./bin/opsctl deploy local`, each ending where the next one's first line shows.
 * A part whose line never shows (the environment was already up) takes no time.
 */
const MILESTONES: readonly { name: string; next: RegExp }[] = [
  {
    name: 'setup (Node, pnpm, install, build)',
    next: /^(bringing the local environment up|local environment is up)/,
  },
  { name: 'local environment (images, start)', next: /^building and pushing the image of HEAD/ },
  { name: 'build the image', next: /^pushing / },
  { name: 'push', next: /^Deploying \S+ \S+ to / },
  { name: 'deploy', next: /$^/ },
];

export function splitIntoParts(lines: readonly TimedLine[], total: number): Part[] {
  let from = 0;
  return MILESTONES.map((m, i) => {
    const last = i === MILESTONES.length - 1;
    const hit = last ? undefined : lines.find((l) => l.at >= from && m.next.test(l.text));
    const until = last ? total : (hit?.at ?? from);
    const part = { name: m.name, seconds: Math.max(0, until - from) };
    from = until;
    return part;
  });
}
