import type { LiveBlogPage } from '@/lib/content/live';
import { DateTime } from '../date-time';

/** LIVE while the coverage runs, with the latest update's time; once over, says so. */
export function LiveStatus({ blog }: { blog: Pick<LiveBlogPage, 'isLive' | 'latestAt' | 'endedAt' | 'language'> }) {
  if (!blog.isLive) {
    return (
      <p className="live-status live-status-ended">
        Live coverage ended
        {blog.endedAt && (
          <>
            {' '}
            <DateTime iso={blog.endedAt} language={blog.language} />
          </>
        )}
      </p>
    );
  }
  return (
    <p className="live-status">
      <span className="live-badge">Live</span>
      {blog.latestAt && (
        <span>
          Latest update <DateTime iso={blog.latestAt} language={blog.language} />
        </span>
      )}
    </p>
  );
}

/** The LIVE label and latest update time on a card. */
export function LiveCardBadge({ coverage, latestAt, language }: { coverage?: 'live' | 'ended'; latestAt?: string; language: string }) {
  if (coverage !== 'live') return null;
  return (
    <p className="live-status live-status-card">
      <span className="live-badge">Live</span>
      {latestAt && (
        <span>
          Latest update <DateTime iso={latestAt} language={language} />
        </span>
      )}
    </p>
  );
}
