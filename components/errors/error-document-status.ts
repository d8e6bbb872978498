import type { Metadata } from 'next';

/**
 * Metadata that marks Next.js's error document with the status of the page that failed, so that
 * public/error-document.css shows the matching message to browsers without JavaScript.
 */
export function errorDocumentStatus(status: '403' | '404'): Pick<Metadata, 'other'> {
  return { other: { 'ittifaq-error': status } };
}
