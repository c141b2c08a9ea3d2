import { OpsctlError } from '../../errors/opsctl-error.js';

/** All of standard input as text, for `--stdin`; refuses a terminal, where nobody would end it. */
export async function readStdinText(stdin: NodeJS.ReadStream): Promise<string> {
  if (stdin.isTTY) {
    throw new OpsctlError({
      code: 'SECRET_STDIN_IS_TERMINAL',
      kind: 'user',
      message:
        '--stdin reads KEY=value lines from a pipe or a file, but standard input is a terminal.',
      hint: 'Pipe the values in, e.g. `pass show shop/staging | opsctl secrets sync staging --stdin`, or use `< file`.',
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
