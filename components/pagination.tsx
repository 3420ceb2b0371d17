import Link from 'next/link';

/** Page 1 lives at `base`, page n ≥ 2 at `base/page/n`: paths, so every page can be static. */
export function pageHref(base: string, page: number): string {
  return page <= 1 ? base : `${base}/page/${page}`;
}

type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
  previousText?: string;
  nextText?: string;
};

/** Previous/next links with `rel`, and where the reader is. */
export function Pagination({ page, pageCount, hrefFor, label = 'Pages', previousText = '← Newer', nextText = 'Older →' }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 && (
        <Link rel="prev" href={hrefFor(Math.min(page - 1, pageCount))}>
          {previousText}
        </Link>
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link rel="next" href={hrefFor(page + 1)}>
          {nextText}
        </Link>
      )}
    </nav>
  );
}
