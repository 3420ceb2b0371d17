import { SourceLabel } from '@/components/source-label';
import { getDirectory } from '@/lib/content/directory';
import { site } from '@/lib/site';

export const metadata = {
  title: 'Our sources',
  description: `The outlets ${site.name} reports from and draws on.`,
  alternates: { canonical: '/sources' },
};

export default async function SourcesPage() {
  const sources = await getDirectory('source');
  return (
    <>
      <h1>Our sources</h1>
      <p>The outlets our stories come from or draw on. State-affiliated media are labelled.</p>
      <ul className="directory">
        {sources.map((source) => (
          <li key={source._id}>
            <SourceLabel source={source} />
            <span className="count"> · {source.countLabel}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
