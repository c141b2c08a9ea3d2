/** A writable text sink that remembers everything written to it. */
export class TextCapture {
  readonly chunks: string[] = [];
  isTTY = false;
  columns = 100;
  rows = 40;

  write = (chunk: string | Uint8Array): boolean => {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };

  get text(): string {
    return this.chunks.join('');
  }
}
