import { Fragment } from 'react';
import type { TextPart } from '@/lib/content/search';

/** Text with the searched words in `<mark>`: React elements, so the text is always escaped. */
export function SearchHighlight({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>))}</>;
}
