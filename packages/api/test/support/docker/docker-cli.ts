import { execFile, spawn } from 'node:child_process';

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `docker <args>` and returns whatever happened; never throws on a non-zero exit. */
export function dockerRun(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<DockerResult> {
  return new Promise((resolve, reject) => {
    execFile('docker', args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`cannot run docker: ${error.message}`, { cause: error }));
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** Runs `docker <args>` and returns trimmed stdout; throws with stderr when it fails. */
export async function docker(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await dockerRun(args, env);
  if (result.code !== 0) {
    throw new Error(
      `docker ${args.slice(0, 3).join(' ')} ... exited ${result.code}: ${result.stderr.trim()}`,
    );
  }
  return result.stdout.trim();
}

/**
 * Streams `docker save <image>` and reports which of the needles occur anywhere in it (every
 * layer's files, the image config with its env, labels and history).
 */
export function savedImageContains(
  image: string,
  needles: readonly string[],
): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['save', image], { stdio: ['ignore', 'pipe', 'pipe'] });
    const found = new Set<string>();
    const buffers = needles.map((needle) => Buffer.from(needle));
    const overlap = Math.max(0, ...buffers.map((b) => b.length)) - 1;
    let tail = Buffer.alloc(0);
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      // Keep the end of the previous chunk so a needle split across chunks is still seen.
      const window = Buffer.concat([tail, chunk]);
      buffers.forEach((buffer, i) => {
        if (window.includes(buffer)) found.add(needles[i] ?? '');
      });
      tail = window.subarray(Math.max(0, window.length - overlap));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(found);
      else reject(new Error(`docker save ${image} exited ${code}: ${stderr}`));
    });
  });
}
