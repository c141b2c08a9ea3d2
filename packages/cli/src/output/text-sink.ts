/** The little a writer needs: process.stdout, process.stderr or a test buffer all fit. */
export interface TextSink {
  write(text: string): unknown;
}
