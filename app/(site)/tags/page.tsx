import Link from 'next/link';
import { articleCount } from '@/components/source-label';
import { getTags } from '@/lib/content';
import { tagPath } from '@/lib/urls/paths';

export const metadata = { title: 'Topics', alternates: { canonical: '/tags' } };

export default async function TagsPage() {
  const tags = await getTags();
  return (
    <>
      <h1>Topics</h1>
      <ul className="directory">
        {tags.map((tag) => (
          <li key={tag._id}>
            <Link href={tagPath(tag.slug)}>{tag.title}</Link>
            <span className="count"> · {articleCount(tag.count)}</span>
            {tag.description && <p>{tag.description}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
