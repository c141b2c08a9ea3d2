/** One thing wrong in a dotenv text: where, and what. Never the value. */
export interface DotenvProblem {
  readonly line: number;
  readonly message: string;
}

export interface DotenvParse {
  readonly values: ReadonlyMap<string, string>;
  readonly problems: readonly DotenvProblem[];
}

const ASSIGNMENT = /^(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*/;
const DOUBLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '\\': '\\',
  $: '$',
};

/**
 * Reads `.env` text (the format of `.env.<env>` files and of `--stdin`): `KEY=value` lines,
 * optionally `export KEY=value`; `#` comments; unquoted values are trimmed and end at ` #`;
 * `'single'` quotes keep every character and may span lines; `"double"` quotes understand
 * `\n \r \t \" \\ \$` and may span lines. Problems name the line, never the value.
 */
export function parseDotenv(text: string): DotenvParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values = new Map<string, string>();
  const problems: DotenvProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const lineNumber = i + 1;
    const match = ASSIGNMENT.exec(line);
    if (!match) {
      problems.push({ line: lineNumber, message: 'expected KEY=value' });
      continue;
    }
    const name = match[1] ?? '';
    let rest = line.slice(match[0].length);
    const quote = rest[0];
    if (quote !== "'" && quote !== '"') {
      values.set(name, unquoted(rest));
      continue;
    }
    // A quoted value: collect lines until the closing quote.
    rest = rest.slice(1);
    let collected = '';
    let closed: { value: string; after: string } | undefined;
    for (;;) {
      closed = quote === "'" ? closeSingle(rest) : closeDouble(rest);
      if (closed !== undefined) break;
      collected += `${quote === '"' ? decodeDouble(rest) : rest}\n`;
      i += 1;
      if (i >= lines.length) break;
      rest = lines[i] ?? '';
    }
    if (closed === undefined) {
      problems.push({ line: lineNumber, message: `${name}: the ${quote} quote is never closed` });
      continue;
    }
    const after = closed.after.trim();
    if (after !== '' && !after.startsWith('#')) {
      problems.push({ line: i + 1, message: `${name}: unexpected text after the closing quote` });
      continue;
    }
    values.set(name, collected + closed.value);
  }
  return { values, problems };
}

function unquoted(text: string): string {
  const comment = text.search(/[ \t]#/);
  return (comment === -1 ? text : text.slice(0, comment)).trim();
}

function closeSingle(text: string): { value: string; after: string } | undefined {
  const end = text.indexOf("'");
  return end === -1 ? undefined : { value: text.slice(0, end), after: text.slice(end + 1) };
}

function closeDouble(text: string): { value: string; after: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') {
      return { value: decodeDouble(text.slice(0, i)), after: text.slice(i + 1) };
    }
  }
  return undefined;
}

function decodeDouble(text: string): string {
  return text.replace(/\\(.)/g, (whole, char: string) => DOUBLE_ESCAPES[char] ?? whole);
}
