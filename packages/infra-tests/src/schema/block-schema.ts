/** The arguments and nested blocks a resource, data source or nested block accepts. */
export interface BlockSchema {
  /** Arguments that may be set in the block. */
  arguments: Set<string>;
  /** Names that may be read from an instance (arguments and computed attributes). */
  attributes: Set<string>;
  blocks: Map<string, BlockSchema>;
}

export interface ProviderSchema {
  /** Provider version the schema describes, e.g. 2.68.0. */
  version: string;
  resources: Map<string, BlockSchema>;
  dataSources: Map<string, BlockSchema>;
}
