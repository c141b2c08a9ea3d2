import type { Redactor } from '../secrets/redactor.js';
import { renderTable, type TableColumn } from './table.js';
import type { TextSink } from './text-sink.js';

/**
 * Results for people, on stdout. Under --json everything here is suppressed: the command's
 * return value is the result, printed once in the JSON envelope by the base command.
 */
export interface Output {
  /** True under --json: services may skip building human text. */
  readonly json: boolean;
  /** Print one or more lines of result text. */
  line(text?: string): void;
  /** Print rows as an aligned table with a header. */
  table<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): void;
}

export interface OutputOptions {
  readonly stdout: TextSink;
  readonly redactor: Redactor;
  readonly json: boolean;
}

export function createOutput(options: OutputOptions): Output {
  const write = (text: string): void => {
    if (!options.json) options.stdout.write(options.redactor.redact(text));
  };
  return {
    json: options.json,
    line: (text = '') => {
      write(text.endsWith('\n') ? text : `${text}\n`);
    },
    table: (rows, columns) => {
      write(renderTable(rows, columns));
    },
  };
}
