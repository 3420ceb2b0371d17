import Link from 'next/link';

/** Page 1 lives at `base`, page n ≥ 2 at `base/page/n`: paths, so every page can be static. */
export function pageHref(base: string, page: number): string {
  return page <= 1 ? base : `${base}/page/${page}`;
}

export function Pagination({ base, page, pageCount }: { base: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link rel="prev" href={pageHref(base, page - 1)}>
          ← Newer
        </Link>
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link rel="next" href={pageHref(base, page + 1)}>
          Older →
        </Link>
      )}
    </nav>
  );
}
