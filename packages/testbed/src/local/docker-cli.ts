import { execa } from 'execa';

/** Runs the docker CLI and returns its trimmed stdout; throws with docker's own message on failure. */
export async function docker(args: readonly string[], input?: string): Promise<string> {
  const result = await execa('docker', args, { input, reject: false });
  if (result.exitCode !== 0) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new Error(`docker ${args.slice(0, 2).join(' ')} failed: ${detail}`);
  }
  return result.stdout.trim();
}

/** True when the docker command succeeds; for probes whose failure is an answer. */
export async function dockerSucceeds(args: readonly string[]): Promise<boolean> {
  const result = await execa('docker', args, { reject: false });
  return result.exitCode === 0;
}

/** Names of objects of a kind (container, network, volume) carrying the label. */
export async function labelled(
  kind: 'container' | 'network' | 'volume',
  label: string,
): Promise<string[]> {
  const args =
    kind === 'container'
      ? ['ps', '-a', '--filter', `label=${label}`, '--format', '{{.Names}}']
      : [kind, 'ls', '--filter', `label=${label}`, '--format', '{{.Name}}'];
  const out = await docker(args);
  return out === '' ? [] : out.split('\n');
}
