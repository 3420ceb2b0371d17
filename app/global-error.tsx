'use client';

/** Last resort when the root layout itself fails. No stack trace reaches the reader. */
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <h1>Something went wrong</h1>
          <p>NextMinuteNews could not be shown just now. Please try again in a moment.</p>
          <p>
            {/* A full page load on purpose: the root layout itself failed. */}
            <a href="/">Go to the front page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
