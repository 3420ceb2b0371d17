import type { z } from 'zod';

type Log = (message: string) => void;

function idOf(value: unknown): string {
  const id = typeof value === 'object' && value !== null ? (value as { _id?: unknown })._id : undefined;
  return typeof id === 'string' ? id : '(no _id)';
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** One document: the parsed value, or null with a log line naming its `_id`. */
export function parseOne<S extends z.ZodType>(schema: S, value: unknown, what: string, log: Log = console.warn): z.infer<S> | null {
  if (value == null) return null;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  log(`[content] skipped ${what} ${idOf(value)}: ${describe(result.error)}`);
  return null;
}

/** A list: malformed documents are skipped, each with a log line naming its `_id`. */
export function parseEach<S extends z.ZodType>(schema: S, values: unknown, what: string, log: Log = console.warn): z.infer<S>[] {
  if (!Array.isArray(values)) return [];
  return values.flatMap((value) => {
    const parsed = parseOne(schema, value, what, log);
    return parsed === null ? [] : [parsed];
  });
}
