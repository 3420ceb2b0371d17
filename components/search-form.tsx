import { site } from '@/lib/site';
import { SEARCH_PATH } from '@/lib/urls/paths';

type Props = {
  /** The input's id, unique on the page. */
  id: string;
  label: string;
  /** The form's accessible name, when the page has more than one search landmark. */
  name?: string;
  /** The search page shows the query back; the masthead shows a placeholder with a hidden label. */
  variant: 'masthead' | 'page' | 'inline';
  query?: string;
};

/** The one search form: a plain GET to /search, so it works without JavaScript. */
export function SearchForm({ id, label, name, variant, query }: Props) {
  const input = (
    <input
      id={id}
      type="search"
      name="q"
      maxLength={site.searchMaxLength}
      {...(variant === 'masthead' ? { placeholder: 'Search' } : {})}
      {...(variant === 'page' ? { defaultValue: query, autoComplete: 'off' } : {})}
    />
  );
  const className = variant === 'masthead' ? 'search-form' : variant === 'page' ? 'search-page-form' : undefined;
  return (
    <form className={className} action={SEARCH_PATH} method="get" role="search" aria-label={name}>
      <label htmlFor={id} className={variant === 'masthead' ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {variant === 'page' ? (
        <div className="search-page-row">
          {input}
          <button type="submit">Search</button>
        </div>
      ) : (
        <>
          {variant === 'inline' && ' '}
          {input}
          {variant === 'inline' && ' '}
          <button type="submit">Search</button>
        </>
      )}
    </form>
  );
}
