import Link from 'next/link';
import { getTags } from '@/lib/content';

export const metadata = { title: 'Topics', alternates: { canonical: '/tags' } };

export default async function TagsPage() {
  const tags = await getTags();
  return (
    <>
      <h1>Topics</h1>
      <ul className="directory">
        {tags.map((tag) => (
          <li key={tag._id}>
            <Link href={`/tags/${tag.slug}`}>{tag.title}</Link>
            <span className="count"> · {tag.count === 1 ? '1 article' : `${tag.count} articles`}</span>
            {tag.description && <p>{tag.description}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
