import { site } from '@/lib/site';

export const metadata = { title: 'About', description: `Who we are and how ${site.name} works.`, alternates: { canonical: '/about' } };

export default function AboutPage() {
  return (
    <article className="prose">
      <h1>About {site.name}</h1>
      <p>{site.description}</p>
      <h2>How we work</h2>
      <p>
        Every story names the outlets it comes from or draws on. Sources that are funded or controlled by a state carry a visible{' '}
        <strong>state-affiliated media</strong> label, so you can weigh what they say.
      </p>
      <p>
        Times are shown in {site.timeZone}. When we change a story after publication we say so: an &ldquo;Updated&rdquo; time for revisions, and a dated note
        for every correction.
      </p>
      <h2>Follow us</h2>
      <p>
        Subscribe to the whole site, or to one topic or source, in any feed reader: look for &ldquo;Follow via RSS&rdquo;. Read our{' '}
        <a href="/corrections-policy">corrections policy</a>.
      </p>
    </article>
  );
}
