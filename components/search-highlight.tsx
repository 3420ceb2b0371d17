import { Fragment } from 'react';
import { highlightParts } from '@/lib/content/search-terms';

/** Text with the searched words in `<mark>`: React elements, so the text is always escaped. */
export function SearchHighlight({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlightParts(text, terms).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
