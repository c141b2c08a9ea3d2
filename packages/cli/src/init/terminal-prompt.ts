import { createInterface } from 'node:readline/promises';

/** Asks one question and returns the answer, or the default for an empty answer. */
export type Ask = (question: string, defaultAnswer: string) => Promise<string>;

/**
 * Questions on a terminal (prompts on stderr: stdout holds results). One readline interface for
 * all questions of a run; close it when done.
 */
export function terminalPrompt(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): { ask: Ask; close: () => void } {
  const readline = createInterface({ input, output, terminal: true });
  return {
    ask: async (question, defaultAnswer) => {
      const shown = defaultAnswer === '' ? '' : ` (${defaultAnswer})`;
      const answer = (await readline.question(`${question}${shown}: `)).trim();
      return answer === '' ? defaultAnswer : answer;
    },
    close: () => {
      readline.close();
    },
  };
}
