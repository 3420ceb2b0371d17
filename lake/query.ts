import { evaluate, parse } from 'groq-js';
import { LakeError, type LakeDocument } from './types.ts';

/** Query parameters as the client sends them: `$name=<JSON>` in the URL, or `params` in a POST body. */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue;
    try {
      params[key.slice(1)] = JSON.parse(value);
    } catch {
      throw new LakeError(400, `The parameter ${key} is not valid JSON`, 'queryParseError');
    }
  }
  return params;
}

export function parseQuery(query: string, params: Record<string, unknown>) {
  try {
    return parse(query, { params });
  } catch (error) {
    throw new LakeError(400, `The query cannot be parsed: ${(error as Error).message}`, 'queryParseError', { query });
  }
}

/** Runs GROQ with groq-js over the documents of one perspective. */
export async function runQuery(
  query: string,
  params: Record<string, unknown>,
  dataset: LakeDocument[],
  identity: string,
  projectId: string,
  datasetName: string,
): Promise<unknown> {
  const tree = parseQuery(query, params);
  try {
    const value = await evaluate(tree, { dataset, params, identity, sanity: { projectId, dataset: datasetName } });
    return await value.get();
  } catch (error) {
    throw new LakeError(400, `The query failed: ${(error as Error).message}`, 'queryExecutionError', { query });
  }
}
