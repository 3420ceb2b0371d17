import Link from 'next/link';
import { site } from '@/lib/site';
import { FollowRss } from './follow-rss';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <nav aria-label="About the site">
        <ul>
          <li>
            <Link href="/about">About {site.name}</Link>
          </li>
          <li>
            <Link href="/corrections-policy">Corrections policy</Link>
          </li>
          <li>
            <Link href="/sources">Our sources</Link>
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
