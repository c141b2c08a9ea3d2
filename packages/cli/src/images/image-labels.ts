/** What the OCI labels of an image record. */
export interface LabelInput {
  readonly service: string;
  /** Full commit SHA: an image is traceable to its exact commit. */
  readonly sha: string;
  readonly version: string;
  readonly builtAt: string;
  readonly sourceUrl: string | undefined;
}

/** OCI image annotations (github.com/opencontainers/image-spec, annotations.md) for one build. */
export function imageLabels(input: LabelInput): Map<string, string> {
  const labels = new Map<string, string>([
    ['org.opencontainers.image.title', input.service],
    ['org.opencontainers.image.revision', input.sha],
    ['org.opencontainers.image.version', input.version],
    ['org.opencontainers.image.created', input.builtAt],
  ]);
  if (input.sourceUrl !== undefined) labels.set('org.opencontainers.image.source', input.sourceUrl);
  return labels;
}
