/**
 * Shown on every page rendered in draft mode, so an editor never mistakes a
 * preview for the live site. A plain <a>, not next/link: a prefetch of the
 * disable route would leave draft mode by itself.
 */
export function DraftBanner({ returnTo }: { returnTo: string }) {
  const leave = `/api/draft-mode/disable?redirect=${encodeURIComponent(returnTo)}`;
  return (
    <aside
      aria-label="Draft preview"
      role="status"
      style={{ background: '#fff3c4', color: '#3d2e00', padding: '0.6rem 1rem', borderBottom: '2px solid #c99a00' }}
    >
      <strong>Draft preview</strong>: you are seeing unpublished changes that readers cannot see.{' '}
      <a href={leave} style={{ color: 'inherit', textDecoration: 'underline' }}>
        Leave draft preview
      </a>
    </aside>
  );
}
