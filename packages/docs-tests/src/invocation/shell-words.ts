/** One simple command of a shell script: its words (quotes removed) and the line it starts on. */
export interface SimpleCommand {
  readonly words: readonly string[];
  readonly line: number;
}

const OPERATORS = ['&&', '||', ';;', '|', ';', '&', '(', ')'];
const REDIRECT = /^(\d*)(>>|>&|<&|>|<)$/;

/**
 * Splits a POSIX shell script into simple commands, enough to read command lines in a workflow's
 * `run:` blocks and in documentation: quotes, backslash-newline continuations, comments, the
 * operators that end a command, redirections (dropped with their target), and `${{ … }}`,
 * `$( … )` and `${ … }` kept whole inside a word even when they hold spaces.
 */
export function splitCommands(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let startLine = 1;
  let dropNext = false;

  const endWord = () => {
    if (!inWord) return;
    if (words.length === 0) startLine = line;
    if (dropNext) dropNext = false;
    else if (REDIRECT.test(word)) dropNext = true;
    else words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    dropNext = false;
    if (words.length > 0) commands.push({ words, line: startLine });
    words = [];
  };

  let i = 0;
  while (i < script.length) {
    const c = script.charAt(i);
    if (c === '\\' && script[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\n') {
      endCommand();
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    const placeholder = /^<[A-Za-z][\w.-]*>/.exec(script.slice(i))?.[0];
    if (placeholder !== undefined) {
      // Documentation writes values as <sha> or <env>: a word, not a redirection.
      word += placeholder;
      inWord = true;
      i += placeholder.length;
      continue;
    }
    const operator = OPERATORS.find((op) => script.startsWith(op, i));
    if (operator !== undefined) {
      endCommand();
      i += operator.length;
      continue;
    }
    const redirect = /^(>>|>&|<&|>|<)/.exec(script.slice(i))?.[0];
    if (redirect !== undefined) {
      // `2>&1`: the digits before the operator belong to it.
      if (!/^\d+$/.test(word)) endWord();
      word += redirect;
      inWord = true;
      i += redirect.length;
      endWord();
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      const stop = end === -1 ? script.length : end;
      word += script.slice(i + 1, stop);
      line += countNewlines(script.slice(i + 1, stop));
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '\\' && i + 1 < script.length) {
          word += script.charAt(i + 1);
          i += 2;
          continue;
        }
        const group = groupAt(script, i);
        word += group;
        line += countNewlines(group);
        i += group.length;
      }
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < script.length) {
      word += script.charAt(i + 1);
      i += 2;
      continue;
    }
    const group = groupAt(script, i);
    word += group;
    line += countNewlines(group);
    i += group.length;
  }
  endCommand();
  return commands;
}

/** `${{ … }}`, `$( … )` or `${ … }` starting at i, whole; otherwise the one character there. */
function groupAt(script: string, i: number): string {
  for (const [open, close] of [
    ['${{', '}}'],
    ['$(', ')'],
    ['${', '}'],
  ] as const) {
    if (script.startsWith(open, i)) {
      const end = script.indexOf(close, i + open.length);
      return end === -1 ? script.slice(i) : script.slice(i, end + close.length);
    }
  }
  return script.charAt(i);
}

const countNewlines = (text: string): number => text.split('\n').length - 1;
