/** One schema change. Ids sort in the order they must run; never edit one that has shipped. */
export interface Migration {
  readonly id: string;
  readonly sql: string;
}
