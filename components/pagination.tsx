type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
  previousText?: string;
  nextText?: string;
};

/** Previous/next links with `rel`, and where the reader is. Paths come from lib/urls/paths.ts via `hrefFor`. */
export function Pagination({ page, pageCount, hrefFor, label = 'Pages', previousText = '← Newer', nextText = 'Older →' }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 && (
        <a rel="prev" href={hrefFor(Math.min(page - 1, pageCount))}>
          {previousText}
        </a>
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <a rel="next" href={hrefFor(page + 1)}>
          {nextText}
        </a>
      )}
    </nav>
  );
}
