import { describe, expect, it } from 'vitest';
import type { UpdateSummary } from '../data/public-summary.ts';
import { buildAtomFeed, type FeedText } from './atom.ts';

const update: UpdateSummary = {
  id: 'u1',
  observedOn: '2025-11-15',
  verifiedAt: '2025-11-20T09:30:00.000Z',
  status: 'DELAYED',
  narrative: 'Only <two> services & no back-ends ]]> yet.',
  correctionReason: null,
  side: { slug: 'azerbaijan', name: 'Republic of Azerbaijan', shortName: 'Azerbaijan' },
  milestone: { id: 'm1', title: 'Pilot centre' },
  agreement: { slug: 'nadra-asan', title: 'NADRA & ASAN' },
  evidence: [{ url: 'https://example.org/a?x=1&y=2', title: 'Site-visit note', kind: 'SITE_VISIT' }],
};
const text: FeedText = {
  title: 'Feed',
  subtitle: 'Sub',
  entryTitle: (u) => `${u.agreement.title}: ${u.milestone.title}`,
  entryLead: (u) => `Reported by ${u.side?.shortName}`,
  evidenceHeading: 'Evidence:',
  independent: 'Independent',
};

describe('the Atom feed of verified updates', () => {
  it('has one entry per update linking to its place on the agreement page, authored by the side', () => {
    const xml = buildAtomFeed('https://ittifaq.example', [update], text);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<link href="https://ittifaq.example/agreements/nadra-asan?timeline=all#update-u1"/>');
    expect(xml).toContain('<updated>2025-11-20T09:30:00.000Z</updated>');
    expect(xml).toContain('<name>Republic of Azerbaijan</name>');
  });

  it('escapes text inside its HTML content, so a narrative can neither inject markup nor end the CDATA section', () => {
    const xml = buildAtomFeed('https://ittifaq.example', [update], text);
    expect(xml).toContain('Only &lt;two&gt; services &amp; no back-ends ]]&gt; yet.');
    expect(xml).toContain('NADRA &amp; ASAN: Pilot centre');
    expect(xml).toContain('<a href="https://example.org/a?x=1&amp;y=2">Site-visit note</a>');
    expect(xml.match(/]]>/g)).toHaveLength(xml.match(/<!\[CDATA\[/g)!.length);
  });
});
