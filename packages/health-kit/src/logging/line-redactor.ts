import { redactKeys } from './key-redaction.js';
import { createValueMasker } from './value-masker.js';

/** Redacts one serialized JSON log line: secret-named fields first, then secret values. */
export function createLineRedactor(
  secretValues: readonly string[],
  keyPattern: RegExp,
): (line: string) => string {
  const maskValues = createValueMasker(secretValues);
  return (line) => {
    const newline = line.endsWith('\n') ? '\n' : '';
    let text = line;
    try {
      text = JSON.stringify(redactKeys(JSON.parse(line), keyPattern)) + newline;
    } catch {
      // Not JSON (should not happen with pino): still mask values below.
    }
    return maskValues(text);
  };
}
