export type Crumb = { name: string; href?: string; lang?: string };

/** Where a page sits: Home › section › page. The last crumb is the current page, not a link. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {trail.map((crumb, index) => (
          <li key={`${index}:${crumb.name}`} lang={crumb.lang}>
            {crumb.href && index < trail.length - 1 ? <a href={crumb.href}>{crumb.name}</a> : <span aria-current="page">{crumb.name}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
