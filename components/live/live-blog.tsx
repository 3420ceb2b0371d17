import type { LiveBlogPage } from '@/lib/content/live';
import { Pagination } from '../pagination';
import { LiveIsland } from './live-island';
import { LiveUpdate } from './live-update';

/**
 * The updates of a live blog under its article: key events, pinned updates,
 * then the rest newest first, 40 a page with older pages on static paths.
 * Complete without JavaScript; while the blog runs, page 1 carries the island
 * that offers new updates as they are published and keeps the shown ones and
 * the key events in step with the newsroom.
 */
export function LiveBlog({ blog, endpoint }: { blog: LiveBlogPage; endpoint: string }) {
  const island = blog.page === 1 && blog.isLive;
  return (
    <section className="live-blog" aria-labelledby="live-updates-title">
      {(blog.keyEvents.length > 0 || island) && (
        // On a running blog's first page the list is there even while empty (hidden), for the island to fill.
        <nav className="live-key-events" aria-labelledby="key-events-title" hidden={blog.keyEvents.length === 0}>
          <h2 id="key-events-title" className="label">
            Key events
          </h2>
          <ol>
            {blog.keyEvents.map((event) => (
              <li key={event._id}>
                <a href={event.href}>
                  <time dateTime={event.publishedAt}>{event.timeLabel}</time> {event.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h2 id="live-updates-title" className="section-title">
        {blog.page === 1 ? 'Live updates' : `Earlier updates (page ${blog.page} of ${blog.pageCount})`}
      </h2>
      {blog.pinned.length > 0 && (
        <div className="live-pinned" aria-label="Pinned">
          {blog.pinned.map((update) => (
            <LiveUpdate key={update._id} update={update} />
          ))}
        </div>
      )}
      {island && <LiveIsland endpoint={endpoint} id="live-island" at={blog.loadedAt} path={blog.pagePaths[0]!} />}
      <div className="live-updates">
        {blog.updates.map((update) => (
          <LiveUpdate key={update._id} update={update} />
        ))}
        {blog.updates.length === 0 && blog.pinned.length === 0 && <p className="empty">No updates yet.</p>}
      </div>
      <Pagination
        page={blog.page}
        pageCount={blog.pageCount}
        hrefFor={(page) => blog.pagePaths[page - 1] ?? blog.pagePaths[0]!}
        label="Live blog pages"
        previousText="← Newer updates"
        nextText="Older updates →"
      />
    </section>
  );
}
