import type { LiveUpdateView } from '@/lib/content/live';

/**
 * One update of a live blog: its time (a link to its own anchor), flags,
 * title, body and authors, and a link a reader can copy. The island draws
 * the same markup (live-island-markup.ts, held to this by a parity test) for
 * updates that arrive while the page is open, and redraws one whose
 * fingerprint (data-version) the update endpoint says has changed.
 */
export function LiveUpdate({ update }: { update: LiveUpdateView }) {
  return (
    <article className="live-update" id={update.anchor} data-pinned={update.pinned || undefined} data-version={update.version}>
      <header className="live-update-header">
        <a className="live-update-time" href={`#${update.anchor}`}>
          <time dateTime={update.publishedAt}>{update.timeLabel}</time>
        </a>
        {update.pinned && <span className="live-flag">Pinned</span>}
        {update.keyEvent && <span className="live-flag">Key event</span>}
        {update.title && <h3 className="live-update-title">{update.title}</h3>}
      </header>
      <div className="live-update-body" dangerouslySetInnerHTML={{ __html: update.bodyHtml }} />
      <footer className="live-update-footer">
        {update.authors.length > 0 && (
          <p className="byline">
            By{' '}
            {update.authors.map((author, index) => (
              <span key={author.path}>
                {index > 0 && ', '}
                <a href={author.path} rel="author">
                  {author.name}
                </a>
              </span>
            ))}
          </p>
        )}
        <a className="live-update-link" href={update.href}>
          Link to this update
        </a>
      </footer>
    </article>
  );
}
