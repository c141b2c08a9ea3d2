export const REDACTED = '[REDACTED]';

/**
 * Builds a function that replaces every occurrence of the given secret values in a text. Each
 * value is also matched in the forms it takes inside a JSON string and a URL, because that is
 * how it reaches a log line when quoted in a message or an error.
 */
export function createValueMasker(values: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const value of values) {
    if (value === '') continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(encodeURIComponent(value));
  }
  // Longest first, so a value containing another is masked whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let masked = text;
    for (const form of ordered) {
      if (masked.includes(form)) masked = masked.split(form).join(REDACTED);
    }
    return masked;
  };
}
