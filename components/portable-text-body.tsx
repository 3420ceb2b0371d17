import { PortableText, type PortableTextComponents } from '@portabletext/react';
import type { ReactNode } from 'react';
import { isExternalHref, safeHref } from '@/lib/urls/safe-href';
import { ContentImageFigure } from './content-image';
import type { ContentImage } from '@/lib/content/shapes';

type Block = { _type: string; _key?: string; [key: string]: unknown };

function components(headingIds: ReadonlyMap<string, string>): PortableTextComponents {
  return {
    block: {
      normal: ({ children }) => <p>{children}</p>,
      h2: ({ children, value }) => <h2 id={value._key ? headingIds.get(value._key) : undefined}>{children}</h2>,
      h3: ({ children }) => <h3>{children}</h3>,
      blockquote: ({ children }) => <blockquote>{children}</blockquote>,
    },
    list: {
      bullet: ({ children }) => <ul>{children}</ul>,
      number: ({ children }) => <ol>{children}</ol>,
    },
    marks: {
      strong: ({ children }) => <strong>{children}</strong>,
      em: ({ children }) => <em>{children}</em>,
      link: ({ children, value }) => {
        const href = safeHref((value as { href?: unknown } | undefined)?.href);
        // An unsafe or missing href renders the words without a link.
        if (!href) return <>{children}</>;
        return isExternalHref(href) ? (
          <a href={href} rel="noopener noreferrer">
            {children}
          </a>
        ) : (
          <a href={href}>{children}</a>
        );
      },
    },
    types: {
      image: ({ value }) => <ContentImageFigure image={value as ContentImage} sizes="(min-width: 48rem) 42rem, 100vw" />,
    },
    // Unknown blocks, styles and marks are left out or rendered as plain text, never a crash.
    unknownType: () => null,
    unknownBlockStyle: ({ children }) => <p>{children}</p>,
    unknownList: ({ children }) => <ul>{children}</ul>,
    unknownListItem: ({ children }) => <li>{children}</li>,
    unknownMark: ({ children }) => <>{children}</>,
  };
}

export function PortableTextBody({ value, headingIds = new Map() }: { value: Block[]; headingIds?: ReadonlyMap<string, string> }): ReactNode {
  return <PortableText value={value} components={components(headingIds)} onMissingComponent={false} />;
}
