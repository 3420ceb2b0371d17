import {
  defaultComponents,
  PortableText,
  type PortableTextBlockComponent,
  type PortableTextComponents,
  type PortableTextListComponent,
  type PortableTextMarkComponent,
} from '@portabletext/react';
import type { ReactNode } from 'react';
import { blockTag, linkTarget, listTag, MARKS, markTag } from '@/lib/portable-text/render-rules';
import { ContentImageFigure } from './content-image';
import type { ContentImage } from '@/lib/content/shapes';

type Block = { _type: string; _key?: string; [key: string]: unknown };

/*
 * An article body. What each style, list and mark becomes is the one table the feeds and live
 * updates use too (lib/portable-text/render-rules.ts); here h2s also get their anchor ids.
 */

/** Every mark through the shared table, including those the library would draw by itself (code, underline, …). */
function marks(): PortableTextComponents['marks'] {
  const names = new Set([...Object.keys(defaultComponents.marks), ...MARKS]);
  const decorators = [...names].map((name): [string, PortableTextMarkComponent] => [
    name,
    ({ children }) => {
      const Tag = markTag(name);
      return Tag ? <Tag>{children}</Tag> : <>{children}</>;
    },
  ]);
  const link: PortableTextMarkComponent = ({ children, value }) => {
    const target = linkTarget(value);
    // An unsafe or missing href renders the words without a link.
    if (!target) return <>{children}</>;
    return (
      <a href={target.href} rel={target.rel}>
        {children}
      </a>
    );
  };
  return { ...Object.fromEntries(decorators), link };
}

function components(headingIds: ReadonlyMap<string, string>): PortableTextComponents {
  const block: PortableTextBlockComponent = ({ children, value }) => {
    const Tag = blockTag(value.style);
    return <Tag id={Tag === 'h2' && value._key ? headingIds.get(value._key) : undefined}>{children}</Tag>;
  };
  const list: PortableTextListComponent = ({ children, value }) => {
    const Tag = listTag(value.listItem);
    return <Tag>{children}</Tag>;
  };
  return {
    block,
    list,
    listItem: ({ children }) => <li>{children}</li>,
    marks: marks(),
    types: {
      image: ({ value }) => <ContentImageFigure image={value as ContentImage} sizes="(min-width: 48rem) 42rem, 100vw" />,
    },
    // An unknown block type is left out, never a crash.
    unknownType: () => null,
    unknownMark: ({ children }) => <>{children}</>,
  };
}

export function PortableTextBody({ value, headingIds = new Map() }: { value: Block[]; headingIds?: ReadonlyMap<string, string> }): ReactNode {
  return <PortableText value={value} components={components(headingIds)} onMissingComponent={false} />;
}
