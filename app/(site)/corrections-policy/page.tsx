import { site } from '@/lib/site';

export const metadata = {
  title: 'Corrections policy',
  description: `How ${site.name} corrects its journalism.`,
  alternates: { canonical: '/corrections-policy' },
};

export default function CorrectionsPolicyPage() {
  return (
    <article className="prose">
      <h1>Corrections policy</h1>
      <p>We aim to be accurate, and to be open when we are not.</p>
      <h2>What we correct</h2>
      <p>
        A factual error in a published article is corrected in the text as soon as we confirm it, and a dated correction at the foot of the article says what
        was wrong. We do not silently change facts.
      </p>
      <h2>Updates</h2>
      <p>
        When a developing story gains new information we update it and show the time of the latest update under the headline, next to the original publication
        time.
      </p>
      <h2>Tell us</h2>
      <p>
        If you think we got something wrong, write to <a href="mailto:corrections@nextminutenews.example">corrections@nextminutenews.example</a> with the
        article&rsquo;s address and what you believe is wrong.
      </p>
    </article>
  );
}
