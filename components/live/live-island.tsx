'use client';

import { useEffect, useRef, useState } from 'react';

/*
 * New updates while the page is open, without a reload. Polls the blog's
 * cached endpoint every 15 s, only while the tab is visible, backing off when
 * it fails; new updates wait behind an "N new updates" button (fixed, so
 * nothing moves under the reader) and are announced politely. Without
 * JavaScript the server-rendered page is complete; this only adds to it.
 */

type Update = {
  _id: string;
  anchor: string;
  href: string;
  title: string | null;
  publishedAt: string;
  timeLabel: string;
  keyEvent: boolean;
  authors: { name: string; path: string }[];
  bodyHtml: string;
};

const INTERVAL = 15_000;
const MAX_BACKOFF = 300_000;

export function LiveIsland({ endpoint }: { endpoint: string }) {
  const [waiting, setWaiting] = useState<Update[]>([]);
  const [shown, setShown] = useState<Update[]>([]);
  const [message, setMessage] = useState('');
  const firstNew = useRef<HTMLElement>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = INTERVAL;
    let last = Date.now();
    let stopped = false;
    const seen = new Set<string>();

    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(poll, delay);
    };
    async function poll() {
      last = Date.now();
      try {
        const response = await fetch(endpoint, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(String(response.status));
        const data = (await response.json()) as { isLive: boolean; updates: Update[] };
        delay = INTERVAL;
        const fresh = data.updates.filter((update) => !seen.has(update._id) && !document.getElementById(update.anchor));
        for (const update of fresh) seen.add(update._id);
        if (fresh.length > 0) {
          setWaiting((previous) => {
            const all = [...fresh, ...previous];
            setMessage(`${all.length} new ${all.length === 1 ? 'update' : 'updates'}`);
            return all;
          });
        }
        if (!data.isLive) {
          stopped = true;
          setMessage('This live blog has ended.');
        }
      } catch {
        // The endpoint failed: ask less often, up to every five minutes.
        delay = Math.min(delay * 2, MAX_BACKOFF);
      }
      schedule();
    }
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return clearTimeout(timer);
      if (Date.now() - last >= delay) void poll();
      else schedule();
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [endpoint]);

  useEffect(() => {
    firstNew.current?.focus();
  }, [shown]);

  const show = () => {
    setShown((previous) => [...waiting, ...previous]);
    setMessage(`${waiting.length} ${waiting.length === 1 ? 'update' : 'updates'} added above.`);
    setWaiting([]);
  };

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {waiting.length > 0 && (
        <button type="button" className="live-new-button" onClick={show}>
          {waiting.length} new {waiting.length === 1 ? 'update' : 'updates'}
        </button>
      )}
      {shown.map((update, index) => (
        <article key={update._id} className="live-update" id={update.anchor} ref={index === 0 ? firstNew : undefined} tabIndex={-1}>
          <header className="live-update-header">
            <a className="live-update-time" href={`#${update.anchor}`}>
              <time dateTime={update.publishedAt}>{update.timeLabel}</time>
            </a>
            {update.keyEvent && <span className="live-flag">Key event</span>}
            {update.title && <h3 className="live-update-title">{update.title}</h3>}
          </header>
          {/* Rendered and vetted on the server (lib/feeds/body-html.ts), as on the page. */}
          <div className="live-update-body" dangerouslySetInnerHTML={{ __html: update.bodyHtml }} />
          <footer className="live-update-footer">
            {update.authors.length > 0 && <p className="byline">By {update.authors.map((author, n) => [n > 0 && ', ', <a key={author.path} href={author.path} rel="author">{author.name}</a>])}</p>}
            <a className="live-update-link" href={update.href}>
              Link to this update
            </a>
          </footer>
        </article>
      ))}
    </>
  );
}
