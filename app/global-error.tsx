'use client';

// Rendered when the root layout itself fails, so no message catalog is available: plain English.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Something went wrong</h1>
          <p>The error has been logged. Please try again later.</p>
        </main>
      </body>
    </html>
  );
}
