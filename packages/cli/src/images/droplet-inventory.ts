import { z } from 'zod';

const imageSchema = z.object({
  id: z.string(),
  repoDigests: z
    .array(z.string())
    .nullable()
    .transform((v) => v ?? []),
  repoTags: z
    .array(z.string())
    .nullable()
    .transform((v) => v ?? []),
  created: z.string(),
  size: z.number(),
});

const containerSchema = z.object({
  id: z.string(),
  name: z.string().transform((n) => n.replace(/^\//, '')),
  image: z.string(),
  state: z.string(),
  created: z.string(),
  service: z
    .string()
    .nullable()
    .transform((v) => v ?? ''),
});

/** An image on a droplet's Docker engine. */
export type DropletImage = z.output<typeof imageSchema>;
/** A container on a droplet; `image` is the image ID, `service` its opsctl.service label. */
export type DropletContainer = z.output<typeof containerSchema>;

function parseLines<T>(text: string, schema: z.ZodType<T>, what: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`unexpected ${what} description from docker: ${line}`);
      return parsed.data;
    });
}

export const parseImages = (text: string): DropletImage[] => parseLines(text, imageSchema, 'image');
export const parseContainers = (text: string): DropletContainer[] =>
  parseLines(text, containerSchema, 'container');

/** The digests an image was pulled by (`repo@sha256:...` → `sha256:...`), any repository. */
export const digestsOf = (image: DropletImage): string[] =>
  image.repoDigests.map((ref) => ref.slice(ref.lastIndexOf('@') + 1));
