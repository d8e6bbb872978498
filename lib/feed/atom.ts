// The Atom feed of verified progress updates. Entries name the side that reported an update, never
// the analyst. Titles and content are HTML (inside CDATA), so every value is escaped first.
import { Feed } from 'feed';
import type { UpdateSummary } from '../data/public-summary.ts';
import { updateHref } from '../urls.ts';

export interface FeedText {
  title: string;
  subtitle: string;
  entryTitle: (update: UpdateSummary) => string;
  entryLead: (update: UpdateSummary) => string;
  evidenceHeading: string;
  independent: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function entryContent(update: UpdateSummary, text: FeedText): string {
  const evidence = update.evidence.length
    ? `<p>${escapeHtml(text.evidenceHeading)}</p><ul>${update.evidence
        .map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></li>`)
        .join('')}</ul>`
    : '';
  return `<p>${escapeHtml(text.entryLead(update))}</p><p>${escapeHtml(update.narrative)}</p>${evidence}`;
}

export function buildAtomFeed(origin: string, updates: readonly UpdateSummary[], text: FeedText): string {
  const feed = new Feed({
    id: `${origin}/feed.xml`,
    title: text.title,
    description: text.subtitle,
    link: `${origin}/`,
    feedLinks: { atom: `${origin}/feed.xml` },
    language: 'en',
    generator: false,
    updated: updates[0] ? new Date(updates[0].verifiedAt) : new Date(0),
  });
  for (const update of updates) {
    const link = `${origin}${updateHref(update.agreement.slug, update.id)}`;
    feed.addItem({
      id: link,
      link,
      title: escapeHtml(text.entryTitle(update)),
      date: new Date(update.verifiedAt),
      content: entryContent(update, text),
      author: [{ name: update.side?.name ?? text.independent }],
    });
  }
  return feed.atom1();
}
