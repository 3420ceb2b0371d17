import { site } from '@/lib/site';
import { FollowRss } from './follow-rss';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <nav aria-label="About the site">
        <ul>
          <li>
            <a href="/about">About {site.name}</a>
          </li>
          <li>
            <a href="/corrections-policy">Corrections policy</a>
          </li>
          <li>
            <a href="/sources">Our sources</a>
          </li>
          <li>
            <FollowRss />
          </li>
        </ul>
      </nav>
      <p>
        {site.name}. Times are shown in {site.timeZone}.
      </p>
    </footer>
  );
}
