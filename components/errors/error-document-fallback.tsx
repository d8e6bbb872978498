'use client';

import { useServerInsertedHTML } from 'next/navigation';
import { useRef } from 'react';

export interface ErrorDocumentMessage {
  /** The status the message is for; the 500 message is the default (see public/error-document.css). */
  status: '403' | '404' | '500';
  title: string;
  body: string;
}

/**
 * The error message of a page that failed on the server, in the HTML itself.
 *
 * When a server component throws (or calls notFound() or forbidden()) before the first byte is sent,
 * Next.js answers with its error document, `<html id="__next_error__">` with an empty body, and
 * draws the error page (error.tsx, not-found.tsx, forbidden.tsx) in the browser: React's server
 * rendering does not run error boundaries. Without JavaScript the page stays blank.
 *
 * The only part of the failed render that reaches that document is the HTML registered with
 * useServerInsertedHTML, which Next.js puts before `</head>`: this component, rendered ahead of the
 * page in the root layout, registers the messages there, once. They sit in a <noscript>, so a
 * browser running JavaScript ignores them and shows the error boundary as before. Without
 * JavaScript the browser loads the stylesheet in it, and moves the <main> into the body (an element
 * that has no place in the head ends it); the stylesheet hides the <main> in every document but
 * the error document and shows the message for its status.
 */
export function ErrorDocumentFallback({ messages, home }: { messages: ErrorDocumentMessage[]; home: string }) {
  const inserted = useRef(false);
  useServerInsertedHTML(() => {
    if (inserted.current) return null;
    inserted.current = true;
    return (
      <noscript key="error-document">
        {/* Not Next's CSS pipeline: its stylesheets are not in the error document. */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/error-document.css" />
        <main className="error-document">
          {messages.map((message) => (
            <section key={message.status} data-status={message.status}>
              <h1>{message.title}</h1>
              <p>{message.body}</p>
            </section>
          ))}
          <p>
            {/* Static HTML outside the app's router, so a plain link. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">{home}</a>
          </p>
        </main>
      </noscript>
    );
  });
  return null;
}
