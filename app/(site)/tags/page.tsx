import { getDirectory } from '@/lib/content/directory';

export const metadata = { title: 'Topics', alternates: { canonical: '/tags' } };

export default async function TagsPage() {
  const tags = await getDirectory('tag');
  return (
    <>
      <h1>Topics</h1>
      <ul className="directory">
        {tags.map((tag) => (
          <li key={tag._id}>
            <a href={tag.path}>{tag.title}</a>
            <span className="count"> · {tag.countLabel}</span>
            {tag.description && <p>{tag.description}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
