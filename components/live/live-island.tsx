import { islandMarkup } from './live-island-markup';
import { liveIsland } from './live-island-script';

// Arguments go into a <script>: no "<" may survive (the JSON-LD serialiser's rule).
const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The island as the page sends it: its own source text, called with the endpoint, its root element and its markup. */
export function islandScript(endpoint: string, id: string): string {
  return `(${liveIsland.toString()})(${json(endpoint)}, document.getElementById(${json(id)}), (${islandMarkup.toString()})());`;
}

/**
 * The placeholders the island fills (a polite status, the new-updates button,
 * where shown updates go) and the island itself as an inline script: rendered
 * on a running blog's first page only, after the elements it needs.
 */
export function LiveIsland({ endpoint, id, at, path }: { endpoint: string; id: string; at: string; path: string }) {
  return (
    <div id={id} className="live-island" data-at={at} data-path={path}>
      <p className="visually-hidden" role="status" aria-live="polite" data-live-status="" />
      <button type="button" className="live-new-button" hidden data-live-button="" />
      <div data-live-new="" />
      <script dangerouslySetInnerHTML={{ __html: islandScript(endpoint, id) }} />
    </div>
  );
}
