import { Writable } from 'node:stream';

export interface LogCapture {
  /** Pass as `destination` to `createLogger`. */
  readonly stream: Writable;
  /** Everything written so far, exactly as it would have reached standard output. */
  text(): string;
  /** Each line parsed as JSON. */
  records(): Record<string, unknown>[];
}

/** Collects a logger's output in memory, to assert on what would have been written. */
export function createLogCapture(): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = (): string => chunks.join('');
  return {
    stream,
    text,
    records: () =>
      text()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
