// The demonstration data set. Agreements, parties and sectors come from the article in
// shared/seed/article.txt (2020 MoUs on defence, trade and investment; the proposed LNG supply of one
// cargo a month from SOCAR; NADRA and ASAN Service; scholarships; film and drama; health workforce;
// agriculture; textiles). Summaries are our own words. Dates, quantities and progress that the article
// does not state are illustrative, and the public pages say so in a banner. Evidence links point to
// example.org because they are illustrative too.
import type {
  AgreementKind,
  EvidenceKind,
  LifecycleStatus,
  MilestoneKind,
  PartyKind,
  PartyRole,
  ProgressStatus,
  RecurrenceFrequency,
  ReviewState,
  SourceDocumentKind,
} from '../../lib/generated/prisma/enums.ts';

export const DEMO_ACCOUNTS = [
  { key: 'admin', email: 'admin@ittifaq.demo', name: 'Demo Administrator', role: 'ADMIN', party: null, password: 'ittifaq-admin-demo' },
  {
    key: 'pk',
    email: 'analyst.pk@ittifaq.demo',
    name: 'Ayesha Siddiqui',
    role: 'ANALYST',
    party: 'pakistan',
    password: 'ittifaq-analyst-pk',
  },
  {
    key: 'az',
    email: 'analyst.az@ittifaq.demo',
    name: 'Elvin Mammadov',
    role: 'ANALYST',
    party: 'azerbaijan',
    password: 'ittifaq-analyst-az',
  },
] as const;

export type AnalystKey = 'pk' | 'az';

export const SECTORS = [
  {
    slug: 'energy-infrastructure',
    name: 'Energy & Infrastructure',
    description: 'Oil, gas and LNG supply, and the infrastructure that carries them.',
  },
  {
    slug: 'agriculture-food-processing',
    name: 'Agriculture & Food Processing',
    description: 'Farming expertise, food processing and cold chains.',
  },
  { slug: 'textiles-fashion', name: 'Textiles & Fashion', description: 'Textile production, design and export.' },
  {
    slug: 'it-e-government',
    name: 'Information Technology & e-Government',
    description: 'Software, outsourcing and digital public services such as NADRA and ASAN Service.',
  },
  { slug: 'health', name: 'Health', description: 'Health workforce mobility and cooperation between health systems.' },
  { slug: 'education-academics', name: 'Education & Academics', description: 'Scholarships, fellowships and university partnerships.' },
  { slug: 'culture-entertainment', name: 'Culture & Entertainment', description: 'Film, drama and music exchange and co-production.' },
  { slug: 'defence', name: 'Defence', description: 'Joint exercises, visits and training between the armed forces.' },
  { slug: 'trade-investment', name: 'Trade & Investment', description: 'Bilateral trade, investment promotion and economic commissions.' },
] as const;

export const PARTIES: { slug: string; name: string; shortName?: string; kind: PartyKind; countryCode: string }[] = [
  { slug: 'pakistan', name: 'Islamic Republic of Pakistan', shortName: 'Pakistan', kind: 'STATE', countryCode: 'PK' },
  { slug: 'azerbaijan', name: 'Republic of Azerbaijan', shortName: 'Azerbaijan', kind: 'STATE', countryCode: 'AZ' },
  { slug: 'socar', name: 'State Oil Company of the Azerbaijan Republic', shortName: 'SOCAR', kind: 'STATE_COMPANY', countryCode: 'AZ' },
  { slug: 'pakistan-lng', name: 'Pakistan LNG Limited', shortName: 'PLL', kind: 'STATE_COMPANY', countryCode: 'PK' },
  { slug: 'nadra', name: 'National Database & Registration Authority', shortName: 'NADRA', kind: 'GOVERNMENT_BODY', countryCode: 'PK' },
  { slug: 'asan-service', name: 'ASAN Service', shortName: 'ASAN', kind: 'GOVERNMENT_BODY', countryCode: 'AZ' },
  { slug: 'pk-ministry-of-defence', name: 'Ministry of Defence of Pakistan', kind: 'GOVERNMENT_BODY', countryCode: 'PK' },
  { slug: 'az-ministry-of-defence', name: 'Ministry of Defence of Azerbaijan', kind: 'GOVERNMENT_BODY', countryCode: 'AZ' },
  { slug: 'pk-board-of-investment', name: 'Board of Investment of Pakistan', shortName: 'BOI', kind: 'GOVERNMENT_BODY', countryCode: 'PK' },
  {
    slug: 'azpromo',
    name: 'Azerbaijan Export and Investment Promotion Agency',
    shortName: 'AZPROMO',
    kind: 'GOVERNMENT_BODY',
    countryCode: 'AZ',
  },
  {
    slug: 'pk-higher-education-commission',
    name: 'Higher Education Commission of Pakistan',
    shortName: 'HEC',
    kind: 'GOVERNMENT_BODY',
    countryCode: 'PK',
  },
  {
    slug: 'az-ministry-of-science-education',
    name: 'Ministry of Science and Education of Azerbaijan',
    kind: 'GOVERNMENT_BODY',
    countryCode: 'AZ',
  },
  { slug: 'baku-state-university', name: 'Baku State University', kind: 'UNIVERSITY', countryCode: 'AZ' },
  { slug: 'quaid-i-azam-university', name: 'Quaid-i-Azam University', kind: 'UNIVERSITY', countryCode: 'PK' },
  {
    slug: 'pk-ministry-of-health',
    name: 'Ministry of National Health Services, Regulations and Coordination',
    kind: 'GOVERNMENT_BODY',
    countryCode: 'PK',
  },
  { slug: 'az-ministry-of-health', name: 'Ministry of Health of Azerbaijan', kind: 'GOVERNMENT_BODY', countryCode: 'AZ' },
  {
    slug: 'pk-ministry-of-food-security',
    name: 'Ministry of National Food Security and Research',
    kind: 'GOVERNMENT_BODY',
    countryCode: 'PK',
  },
  { slug: 'az-ministry-of-agriculture', name: 'Ministry of Agriculture of Azerbaijan', kind: 'GOVERNMENT_BODY', countryCode: 'AZ' },
  {
    slug: 'pk-ministry-of-information',
    name: 'Ministry of Information and Broadcasting of Pakistan',
    kind: 'GOVERNMENT_BODY',
    countryCode: 'PK',
  },
  { slug: 'az-ministry-of-culture', name: 'Ministry of Culture of Azerbaijan', kind: 'GOVERNMENT_BODY', countryCode: 'AZ' },
  { slug: 'tdap', name: 'Trade Development Authority of Pakistan', shortName: 'TDAP', kind: 'GOVERNMENT_BODY', countryCode: 'PK' },
];

export interface DemoEvidence {
  url: string;
  title: string;
  publisher?: string;
  publishedOn?: string;
  kind: EvidenceKind;
}

export interface DemoUpdate {
  key: string;
  by: AnalystKey;
  observedOn: string;
  status: ProgressStatus;
  progress?: number;
  quantity?: number;
  actualValue?: number;
  narrative: string;
  evidence?: DemoEvidence[];
  review?: { state: Exclude<ReviewState, 'PENDING'>; on: string; note?: string };
  supersedes?: string;
  correctionReason?: string;
}

export interface DemoMilestone {
  key: string;
  title: string;
  description: string;
  clauseRef?: string;
  clauseExcerpt?: string;
  responsible?: string;
  dueOn?: string;
  weight?: number;
  kind: MilestoneKind;
  frequency?: RecurrenceFrequency;
  quantityPerPeriod?: number;
  unit?: string;
  startsOn?: string;
  endsOn?: string;
  baseline?: number;
  target?: number;
  updates?: DemoUpdate[];
}

export interface DemoAgreement {
  slug: string;
  title: string;
  kind: AgreementKind;
  status: LifecycleStatus;
  signedOn?: string;
  effectiveOn?: string;
  expiresOn?: string;
  summary: string;
  published: boolean;
  sectors: string[];
  parties: [string, PartyRole][];
  documents?: { title: string; url: string; kind: SourceDocumentKind; publishedOn?: string }[];
  assigned: AnalystKey[];
  milestones: DemoMilestone[];
}

const ex = (path: string) => `https://example.org/${path}`;

/** Verified by the other side's analyst a few days after the observation. */
function verified(on: string, note?: string) {
  return { state: 'VERIFIED' as const, on, note };
}

const LNG_DELIVERIES = [
  '2024-01-14',
  '2024-02-11',
  '2024-03-14',
  '2024-05-09',
  '2024-06-12',
  '2024-07-15',
  '2024-08-10',
  '2024-10-13',
  '2024-11-12',
  '2024-12-09',
  '2025-01-15',
  '2025-02-12',
  '2025-03-14',
  '2025-04-11',
  '2025-06-13',
  '2025-07-10',
  '2025-08-14',
  '2025-09-12',
  '2025-10-15',
  '2025-12-11',
  '2026-01-13',
  '2026-02-10',
  '2026-03-14',
  '2026-04-14',
  '2026-05-12',
  '2026-06-11',
  '2026-08-13',
  '2026-09-10',
];

function plusDays(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const lngCargoes: DemoUpdate[] = [
  ...LNG_DELIVERIES.map((day, index): DemoUpdate => ({
    key: `lng-cargo-${day}`,
    by: index % 2 === 0 ? 'pk' : 'az',
    observedOn: day,
    status: 'IN_PROGRESS',
    quantity: 1,
    narrative: `LNG cargo from SOCAR discharged at Port Qasim on ${day}.`,
    evidence: [
      {
        url: ex(`pll/cargo-schedule/${day}`),
        title: `PLL cargo arrival notice, ${day}`,
        publisher: 'Pakistan LNG Limited',
        publishedOn: day,
        kind: 'DATASET',
      },
    ],
    review: verified(plusDays(day, 3)),
  })),
  {
    key: 'lng-cargo-2026-10-14',
    by: 'pk',
    observedOn: '2026-10-14',
    status: 'IN_PROGRESS',
    quantity: 1,
    narrative: 'LNG cargo from SOCAR discharged at Port Qasim on 2026-10-14; awaiting confirmation from the Azerbaijani side.',
    evidence: [
      {
        url: ex('pll/cargo-schedule/2026-10-14'),
        title: 'PLL cargo arrival notice, 2026-10-14',
        publisher: 'Pakistan LNG Limited',
        publishedOn: '2026-10-14',
        kind: 'DATASET',
      },
    ],
  },
];

export const AGREEMENTS: DemoAgreement[] = [
  {
    slug: 'defence-cooperation-mou-2020',
    title: 'Memorandum of Understanding on Defence Cooperation',
    kind: 'MOU',
    status: 'IN_FORCE',
    signedOn: '2020-06-15',
    effectiveOn: '2020-06-15',
    summary:
      "One of the 2020 memoranda between Pakistan and Azerbaijan. The two defence establishments undertake to hold joint military exercises, exchange visits by senior officers and cooperate on training, alongside mutual support for each other's territorial integrity and sovereignty.",
    published: true,
    sectors: ['defence'],
    parties: [
      ['pakistan', 'SIGNATORY'],
      ['azerbaijan', 'SIGNATORY'],
      ['pk-ministry-of-defence', 'IMPLEMENTING'],
      ['az-ministry-of-defence', 'IMPLEMENTING'],
    ],
    documents: [
      {
        title: 'Joint press release on the signing of the defence MoU',
        url: ex('mofa/2020/defence-mou'),
        kind: 'PRESS_RELEASE',
        publishedOn: '2020-06-16',
      },
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'defence-exercise',
        title: 'Joint military exercise held every year',
        description: 'At least one joint exercise of the two armed forces in each calendar year.',
        clauseRef: 'Art. 3(a)',
        clauseExcerpt: 'The Parties shall conduct joint military exercises on a regular basis, at least once a year.',
        responsible: 'pk-ministry-of-defence',
        weight: 2,
        kind: 'RECURRING',
        frequency: 'ANNUAL',
        quantityPerPeriod: 1,
        unit: 'exercise',
        startsOn: '2021-01-01',
        updates: [
          {
            key: 'ex-2021',
            by: 'pk',
            observedOn: '2021-09-20',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Joint special-forces exercise held near Baku.',
            evidence: [
              {
                url: ex('ispr/2021/exercise'),
                title: 'ISPR statement on the joint exercise',
                publisher: 'ISPR',
                publishedOn: '2021-09-21',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2021-09-25'),
          },
          {
            key: 'ex-2022',
            by: 'az',
            observedOn: '2022-10-05',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Second joint exercise, hosted in Pakistan.',
            evidence: [
              {
                url: ex('mod-az/2022/exercise'),
                title: 'Azerbaijani MoD news item',
                publisher: 'Ministry of Defence of Azerbaijan',
                publishedOn: '2022-10-06',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2022-10-10'),
          },
          {
            key: 'ex-2024',
            by: 'pk',
            observedOn: '2024-11-12',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Exercise resumed after no exercise took place in 2023.',
            evidence: [
              {
                url: ex('news/2024/exercise'),
                title: 'News report on the 2024 exercise',
                publisher: 'Dawn',
                publishedOn: '2024-11-13',
                kind: 'NEWS_REPORT',
              },
            ],
            review: verified('2024-11-18'),
          },
          {
            key: 'ex-2025',
            by: 'az',
            observedOn: '2025-10-01',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Joint exercise held in Nakhchivan.',
            evidence: [
              {
                url: ex('mod-az/2025/exercise'),
                title: 'Azerbaijani MoD statement',
                publisher: 'Ministry of Defence of Azerbaijan',
                publishedOn: '2025-10-02',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2025-10-06'),
          },
          {
            key: 'ex-2026',
            by: 'pk',
            observedOn: '2026-10-14',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Joint exercise reported in the press; official confirmation awaited.',
            evidence: [
              {
                url: ex('news/2026/exercise'),
                title: 'Press report on the 2026 exercise',
                publisher: 'The Express Tribune',
                publishedOn: '2026-10-15',
                kind: 'NEWS_REPORT',
              },
            ],
          },
        ],
      },
      {
        key: 'defence-visits',
        title: 'Visits by senior military officials exchanged',
        description: 'Ten visits at the level of service chief or deputy by the end of 2025.',
        clauseRef: 'Art. 3(b)',
        clauseExcerpt: 'The Parties shall exchange visits of high-level military delegations.',
        dueOn: '2025-12-31',
        kind: 'TARGET',
        baseline: 0,
        target: 10,
        unit: 'visits',
        updates: [
          {
            key: 'visits-2022',
            by: 'az',
            observedOn: '2022-03-30',
            status: 'IN_PROGRESS',
            actualValue: 3,
            narrative: 'Three high-level visits since signing.',
            evidence: [
              {
                url: ex('mod-az/2022/visits'),
                title: 'Visit of the Chief of General Staff',
                publisher: 'Ministry of Defence of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2022-04-04'),
          },
          {
            key: 'visits-2024',
            by: 'pk',
            observedOn: '2024-05-20',
            status: 'IN_PROGRESS',
            actualValue: 6,
            narrative: 'Six visits to date, including the Pakistani Air Chief in Baku.',
            evidence: [
              {
                url: ex('ispr/2024/visit'),
                title: 'ISPR: Air Chief visits Baku',
                publisher: 'ISPR',
                publishedOn: '2024-05-21',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2024-05-24'),
          },
        ],
      },
      {
        key: 'defence-jwg',
        title: 'Joint working group on defence training established',
        description: 'A standing group that plans training exchanges and places officers on courses.',
        clauseRef: 'Art. 5',
        clauseExcerpt: 'A Joint Working Group shall be established within one year of signature.',
        dueOn: '2021-06-15',
        kind: 'ONE_OFF',
        updates: [
          {
            key: 'jwg-met',
            by: 'pk',
            observedOn: '2021-05-10',
            status: 'ACHIEVED',
            progress: 100,
            narrative: 'The joint working group held its inaugural meeting in Rawalpindi.',
            evidence: [
              {
                url: ex('ispr/2021/jwg'),
                title: 'ISPR: first meeting of the defence JWG',
                publisher: 'ISPR',
                publishedOn: '2021-05-11',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2021-05-14'),
          },
        ],
      },
    ],
  },
  {
    slug: 'trade-investment-mou-2020',
    title: 'Memorandum of Understanding on Trade and Investment',
    kind: 'MOU',
    status: 'IN_FORCE',
    signedOn: '2020-09-22',
    summary:
      'Signed in 2020 to expand commercial ties, which Azerbaijan is keen to grow. The memorandum revives the joint economic commission, sets a goal for bilateral trade and opens negotiations on a preferential trade agreement.',
    published: true,
    sectors: ['trade-investment'],
    parties: [
      ['pakistan', 'SIGNATORY'],
      ['azerbaijan', 'SIGNATORY'],
      ['pk-board-of-investment', 'IMPLEMENTING'],
      ['azpromo', 'IMPLEMENTING'],
    ],
    documents: [
      {
        title: 'Text of the trade and investment MoU',
        url: ex('commerce/2020/trade-mou.pdf'),
        kind: 'AGREEMENT_TEXT',
        publishedOn: '2020-09-22',
      },
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'jec-sessions',
        title: 'Joint economic commission meets every year',
        description: 'An annual session of the intergovernmental commission, alternating between Islamabad and Baku.',
        clauseRef: 'Art. 4',
        clauseExcerpt: 'The Joint Economic Commission shall meet annually.',
        kind: 'RECURRING',
        frequency: 'ANNUAL',
        quantityPerPeriod: 1,
        unit: 'session',
        startsOn: '2021-01-01',
        updates: [
          {
            key: 'jec-2021',
            by: 'pk',
            observedOn: '2021-11-08',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Seventh session of the commission held in Islamabad.',
            evidence: [
              {
                url: ex('commerce/2021/jec'),
                title: 'Joint protocol of the 7th JEC session',
                publisher: 'Ministry of Commerce',
                kind: 'DOCUMENT',
              },
            ],
            review: verified('2021-11-12'),
          },
          {
            key: 'jec-2023',
            by: 'az',
            observedOn: '2023-05-17',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Session held in Baku after a gap in 2022.',
            evidence: [
              {
                url: ex('economy-az/2023/jec'),
                title: 'Ministry of Economy press release',
                publisher: 'Ministry of Economy of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2023-05-22'),
          },
          {
            key: 'jec-2025',
            by: 'pk',
            observedOn: '2025-02-25',
            status: 'IN_PROGRESS',
            quantity: 1,
            narrative: 'Session held in Islamabad, with a business forum alongside.',
            evidence: [
              {
                url: ex('commerce/2025/jec'),
                title: 'Joint protocol of the 9th JEC session',
                publisher: 'Ministry of Commerce',
                kind: 'DOCUMENT',
              },
            ],
            review: verified('2025-03-01'),
          },
        ],
      },
      {
        key: 'trade-volume',
        title: 'Bilateral trade reaches USD 100 million a year',
        description: 'Annual goods trade between the two countries, both directions, as reported by the statistics offices.',
        clauseRef: 'Art. 2',
        clauseExcerpt: 'The Parties shall endeavour to increase bilateral trade to at least USD 100 million annually.',
        dueOn: '2025-12-31',
        weight: 2,
        kind: 'TARGET',
        baseline: 30,
        target: 100,
        unit: 'USD million',
        updates: [
          {
            key: 'trade-2022',
            by: 'pk',
            observedOn: '2023-02-15',
            status: 'IN_PROGRESS',
            actualValue: 45,
            narrative: 'Trade in 2022 stood at about USD 45 million.',
            evidence: [
              {
                url: ex('pbs/2023/trade'),
                title: 'Pakistan Bureau of Statistics: trade by country, 2022',
                publisher: 'Pakistan Bureau of Statistics',
                kind: 'DATASET',
              },
            ],
            review: verified('2023-02-20'),
          },
          {
            key: 'trade-2024-pk',
            by: 'pk',
            observedOn: '2025-02-10',
            status: 'DELAYED',
            actualValue: 55,
            narrative: 'Pakistani figures put 2024 trade at USD 55 million: growth, but behind the path to the goal.',
            evidence: [
              {
                url: ex('pbs/2025/trade'),
                title: 'Pakistan Bureau of Statistics: trade by country, 2024',
                publisher: 'Pakistan Bureau of Statistics',
                kind: 'DATASET',
              },
            ],
            review: verified('2025-02-14'),
          },
          {
            key: 'trade-2024-az',
            by: 'az',
            observedOn: '2025-02-18',
            status: 'IN_PROGRESS',
            actualValue: 62,
            narrative: 'Azerbaijani customs data put 2024 trade at USD 62 million, including re-exports.',
            evidence: [
              {
                url: ex('customs-az/2025/trade'),
                title: 'State Customs Committee: foreign trade, 2024',
                publisher: 'State Customs Committee of Azerbaijan',
                kind: 'DATASET',
              },
            ],
            review: verified('2025-02-21'),
          },
        ],
      },
      {
        key: 'pta',
        title: 'Preferential trade agreement negotiated',
        description: 'Negotiations concluded and the preferential trade agreement initialled.',
        clauseRef: 'Art. 6',
        dueOn: '2024-12-31',
        kind: 'ONE_OFF',
        updates: [
          {
            key: 'pta-2024',
            by: 'az',
            observedOn: '2024-06-12',
            status: 'DELAYED',
            progress: 40,
            narrative: 'Two negotiating rounds held; tariff lists not yet exchanged.',
            evidence: [
              {
                url: ex('economy-az/2024/pta'),
                title: 'Second round of PTA talks',
                publisher: 'Ministry of Economy of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2024-06-18'),
          },
          {
            key: 'pta-2026',
            by: 'pk',
            observedOn: '2026-09-30',
            status: 'IN_PROGRESS',
            progress: 60,
            narrative: 'Tariff lists exchanged at the third round.',
            evidence: [
              {
                url: ex('commerce/2026/pta'),
                title: 'Ministry of Commerce: third PTA round',
                publisher: 'Ministry of Commerce',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'lng-supply-socar',
    title: 'LNG supply from SOCAR: one cargo a month',
    kind: 'CONTRACT',
    status: 'IN_FORCE',
    signedOn: '2023-08-01',
    effectiveOn: '2024-01-01',
    expiresOn: '2026-12-31',
    summary:
      'A Pakistani delegation led by the Minister of State for Petroleum negotiated in Baku to buy one cargo of liquefied natural gas a month from SOCAR, diversifying supply beyond Qatar and Nigeria while giving Azerbaijan a new market. This demonstration data set shows the purchase as concluded so that monthly deliveries can be tracked.',
    published: true,
    sectors: ['energy-infrastructure', 'trade-investment'],
    parties: [
      ['socar', 'SIGNATORY'],
      ['pakistan-lng', 'SIGNATORY'],
      ['pakistan', 'OBSERVER'],
      ['azerbaijan', 'OBSERVER'],
    ],
    documents: [
      {
        title: 'Ministry of Energy statement on the LNG talks in Baku',
        url: ex('energy/2023/lng-talks'),
        kind: 'OFFICIAL_STATEMENT',
        publishedOn: '2023-04-20',
      },
      {
        title: 'Summary of the LNG sale and purchase agreement',
        url: ex('pll/2023/spa-summary'),
        kind: 'AGREEMENT_TEXT',
        publishedOn: '2023-08-02',
      },
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'lng-terms',
        title: 'Price and delivery terms agreed',
        description: 'Pricing formula, delivery port and cargo size settled between SOCAR and PLL.',
        clauseRef: 'Clause 2',
        dueOn: '2023-12-31',
        responsible: 'pakistan-lng',
        kind: 'ONE_OFF',
        updates: [
          {
            key: 'lng-terms-agreed',
            by: 'az',
            observedOn: '2023-08-01',
            status: 'ACHIEVED',
            progress: 100,
            narrative: 'Sale and purchase agreement signed with a Brent-linked price.',
            evidence: [
              {
                url: ex('socar/2023/spa'),
                title: 'SOCAR announcement of the LNG agreement with PLL',
                publisher: 'SOCAR',
                publishedOn: '2023-08-01',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2023-08-04'),
          },
        ],
      },
      {
        key: 'lng-cargoes',
        title: 'One LNG cargo delivered each month',
        description: 'A standard cargo of about 140,000 cubic metres delivered to Port Qasim every calendar month.',
        clauseRef: 'Clause 4.1',
        clauseExcerpt: 'The Seller shall deliver one (1) cargo of LNG in each calendar month of the Supply Period.',
        responsible: 'socar',
        weight: 3,
        kind: 'RECURRING',
        frequency: 'MONTHLY',
        quantityPerPeriod: 1,
        unit: 'cargo',
        startsOn: '2024-01-01',
        endsOn: '2026-12-31',
        updates: lngCargoes,
      },
    ],
  },
  {
    slug: 'nadra-asan-e-government-exchange',
    title: 'NADRA–ASAN Service cooperation on e-government',
    kind: 'MOU',
    status: 'IN_FORCE',
    signedOn: '2023-03-06',
    summary:
      "Pakistan's National Database & Registration Authority and Azerbaijan's ASAN Service, recognised at the World Government Summit, agree to share experience: an ASAN-style one-stop service centre piloted in Pakistan, and NADRA's approach to citizen registration offered to Azerbaijan.",
    published: true,
    sectors: ['it-e-government'],
    parties: [
      ['nadra', 'SIGNATORY'],
      ['asan-service', 'SIGNATORY'],
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'egov-jwg',
        title: 'Joint working group on digital public services',
        description: 'Working group with members from both agencies, meeting at least twice a year.',
        clauseRef: 'Section 2',
        kind: 'ONE_OFF',
        dueOn: '2023-09-30',
        updates: [
          {
            key: 'egov-jwg-met',
            by: 'az',
            observedOn: '2023-06-14',
            status: 'ACHIEVED',
            progress: 100,
            narrative: 'The working group met for the first time in Baku.',
            evidence: [
              {
                url: ex('asan/2023/jwg'),
                title: 'ASAN Service news: delegation from NADRA',
                publisher: 'ASAN Service',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2023-06-19'),
          },
        ],
      },
      {
        key: 'egov-training',
        title: 'Officials trained through study visits',
        description: 'Officials of each agency trained at the other through study visits.',
        clauseRef: 'Section 3',
        kind: 'TARGET',
        baseline: 0,
        target: 60,
        unit: 'officials',
        dueOn: '2026-12-31',
        updates: [
          {
            key: 'egov-training-2024',
            by: 'pk',
            observedOn: '2024-09-30',
            status: 'IN_PROGRESS',
            actualValue: 24,
            narrative: 'Two cohorts of twelve NADRA officials completed study visits at ASAN centres.',
            evidence: [
              {
                url: ex('nadra/2024/study-visits'),
                title: 'NADRA annual report 2024, chapter on international cooperation',
                publisher: 'NADRA',
                kind: 'DOCUMENT',
              },
            ],
            review: verified('2024-10-04'),
          },
        ],
      },
      {
        key: 'egov-pilot',
        title: 'Pilot one-stop service centre in Pakistan on the ASAN model',
        description: 'A centre offering several government services under one roof, opened as a pilot.',
        clauseRef: 'Section 4',
        clauseExcerpt: 'The Parties shall cooperate to establish a pilot public service centre in Pakistan based on the ASAN model.',
        responsible: 'nadra',
        dueOn: '2025-12-31',
        weight: 2,
        kind: 'ONE_OFF',
        updates: [
          {
            key: 'egov-pilot-pk',
            by: 'pk',
            observedOn: '2025-10-01',
            status: 'IN_PROGRESS',
            progress: 70,
            narrative: 'Premises fitted out in Islamabad and staff recruited.',
            evidence: [
              {
                url: ex('nadra/2025/pilot-centre'),
                title: 'NADRA: pilot centre nears completion',
                publisher: 'NADRA',
                publishedOn: '2025-10-01',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2025-10-06'),
          },
          {
            key: 'egov-pilot-az',
            by: 'az',
            observedOn: '2025-11-15',
            status: 'DELAYED',
            progress: 30,
            narrative:
              'On a site visit the ASAN team found that only two of the planned services can be offered; the integration of service back-ends has not started.',
            evidence: [
              {
                url: ex('asan/2025/site-visit'),
                title: 'ASAN Service site-visit note',
                publisher: 'ASAN Service',
                publishedOn: '2025-11-16',
                kind: 'SITE_VISIT',
              },
            ],
            review: verified('2025-11-20'),
          },
        ],
      },
      {
        key: 'egov-registration-advisory',
        title: 'NADRA advisory on civil registration for Azerbaijan',
        description: 'NADRA shares its experience of running a national citizen registration database.',
        clauseRef: 'Section 5',
        kind: 'ONE_OFF',
        dueOn: '2026-12-31',
        updates: [
          {
            key: 'egov-advisory-pending',
            by: 'pk',
            observedOn: '2026-11-02',
            status: 'IN_PROGRESS',
            progress: 20,
            narrative: 'Terms of reference for the advisory mission drafted.',
            evidence: [{ url: ex('nadra/2026/advisory-tor'), title: 'Draft terms of reference', publisher: 'NADRA', kind: 'DOCUMENT' }],
          },
        ],
      },
    ],
  },
  {
    slug: 'scholarships-exchange-programme',
    title: 'Scholarships and academic exchange programme',
    kind: 'PROGRAMME',
    status: 'IN_FORCE',
    signedOn: '2021-09-01',
    summary:
      'Universities of each country offer scholarships to students of the other, and both sides undertake to increase the number of scholarships and fellowships available.',
    published: true,
    sectors: ['education-academics'],
    parties: [
      ['pk-higher-education-commission', 'SIGNATORY'],
      ['az-ministry-of-science-education', 'SIGNATORY'],
      ['baku-state-university', 'IMPLEMENTING'],
      ['quaid-i-azam-university', 'IMPLEMENTING'],
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'scholarships-az-students',
        title: 'Scholarships awarded to Azerbaijani students in Pakistan',
        description: 'Cumulative scholarships taken up by Azerbaijani students at Pakistani universities.',
        clauseRef: 'Art. 2.1',
        responsible: 'pk-higher-education-commission',
        kind: 'TARGET',
        baseline: 0,
        target: 100,
        unit: 'scholarships',
        dueOn: '2026-09-30',
        updates: [
          {
            key: 'sch-az-2023',
            by: 'pk',
            observedOn: '2023-10-01',
            status: 'IN_PROGRESS',
            actualValue: 35,
            narrative: 'Thirty-five scholarships awarded in the first two intakes.',
            evidence: [
              {
                url: ex('hec/2023/scholarships'),
                title: 'HEC: scholarships for Azerbaijani students',
                publisher: 'Higher Education Commission',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2023-10-05'),
          },
          {
            key: 'sch-az-2025',
            by: 'pk',
            observedOn: '2025-10-01',
            status: 'IN_PROGRESS',
            actualValue: 58,
            narrative: 'Fifty-eight scholarships awarded to date.',
            evidence: [
              {
                url: ex('hec/2025/scholarships'),
                title: 'HEC annual report 2025',
                publisher: 'Higher Education Commission',
                kind: 'DOCUMENT',
              },
            ],
            review: verified('2025-10-08'),
          },
        ],
      },
      {
        key: 'scholarships-pk-students',
        title: 'Scholarships awarded to Pakistani students in Azerbaijan',
        description: 'Cumulative scholarships taken up by Pakistani students at Azerbaijani universities.',
        clauseRef: 'Art. 2.2',
        responsible: 'az-ministry-of-science-education',
        kind: 'TARGET',
        baseline: 0,
        target: 100,
        unit: 'scholarships',
        dueOn: '2026-09-30',
        updates: [
          {
            key: 'sch-pk-2024',
            by: 'az',
            observedOn: '2024-10-01',
            status: 'IN_PROGRESS',
            actualValue: 20,
            narrative: 'Twenty scholarships announced for Pakistani students.',
            evidence: [
              {
                url: ex('edu-az/2024/scholarships'),
                title: 'Ministry announcement of scholarships',
                publisher: 'Ministry of Science and Education of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2024-10-07'),
          },
          {
            key: 'sch-pk-2024-correction',
            by: 'az',
            observedOn: '2024-10-01',
            status: 'IN_PROGRESS',
            actualValue: 15,
            supersedes: 'sch-pk-2024',
            correctionReason:
              'Twenty scholarships were announced, but only fifteen were taken up; the update should count awards, not announcements.',
            narrative: 'Fifteen scholarships were taken up by Pakistani students.',
            evidence: [
              {
                url: ex('edu-az/2024/enrolment'),
                title: 'Enrolment statistics for international students',
                publisher: 'Ministry of Science and Education of Azerbaijan',
                kind: 'DATASET',
              },
            ],
            review: verified('2024-12-02'),
          },
        ],
      },
      {
        key: 'scholarship-calls',
        title: 'Joint scholarship call published every year',
        description: 'One call per academic year, published by both sides on the same day.',
        clauseRef: 'Art. 3',
        kind: 'RECURRING',
        frequency: 'ANNUAL',
        quantityPerPeriod: 1,
        unit: 'call',
        startsOn: '2022-01-01',
        updates: ['2022-02-15', '2023-02-14', '2024-03-01', '2025-02-17', '2026-02-16'].map(
          (day, index) =>
            ({
              key: `sch-call-${day}`,
              by: index % 2 === 0 ? 'az' : 'pk',
              observedOn: day,
              status: 'IN_PROGRESS',
              quantity: 1,
              narrative: `Joint scholarship call published on ${day}.`,
              evidence: [
                {
                  url: ex(`hec/calls/${day}`),
                  title: `Scholarship call ${day.slice(0, 4)}`,
                  publisher: 'Higher Education Commission',
                  publishedOn: day,
                  kind: 'OFFICIAL_STATEMENT',
                },
              ],
              review: verified(plusDays(day, 4)),
            }) satisfies DemoUpdate,
        ),
      },
    ],
  },
  {
    slug: 'film-drama-exchange-mou',
    title: 'Memorandum on film and drama exchange and co-production',
    kind: 'MOU',
    status: 'SIGNED',
    signedOn: '2022-04-20',
    summary:
      'The two countries\' similar cultures make film and drama a natural field of cooperation: Azerbaijani films such as "Ali and Nino" screened in Pakistan, Pakistani dramas, films and songs introduced in Azerbaijan, and co-production of new work.',
    published: true,
    sectors: ['culture-entertainment'],
    parties: [
      ['pk-ministry-of-information', 'SIGNATORY'],
      ['az-ministry-of-culture', 'SIGNATORY'],
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'ali-and-nino',
        title: 'Azerbaijani film "Ali and Nino" screened at Pakistani universities',
        description: 'Screenings of the film at universities in Pakistan, followed by discussions.',
        clauseRef: 'Art. 2',
        kind: 'ONE_OFF',
        dueOn: '2022-12-31',
        updates: [
          {
            key: 'ali-and-nino-screened',
            by: 'pk',
            observedOn: '2022-11-24',
            status: 'ACHIEVED',
            progress: 100,
            narrative: 'The film was screened at several universities and was well received by audiences.',
            evidence: [
              {
                url: ex('news/2022/ali-and-nino'),
                title: 'Report on the university screenings of "Ali and Nino"',
                publisher: 'Daily Times',
                publishedOn: '2022-11-25',
                kind: 'NEWS_REPORT',
              },
            ],
            review: verified('2022-11-29'),
          },
        ],
      },
      {
        key: 'pakistani-dramas',
        title: 'Pakistani drama series broadcast in Azerbaijan',
        description: 'Drama series dubbed or subtitled in Azerbaijani and shown on Azerbaijani television.',
        clauseRef: 'Art. 3',
        kind: 'TARGET',
        baseline: 0,
        target: 10,
        unit: 'series',
        dueOn: '2026-12-31',
        updates: [
          {
            key: 'dramas-2025',
            by: 'az',
            observedOn: '2025-05-05',
            status: 'IN_PROGRESS',
            actualValue: 2,
            narrative: 'Two Pakistani series are being broadcast with Azerbaijani subtitles.',
            evidence: [{ url: ex('tv-az/2025/schedule'), title: 'Broadcaster programme schedule', publisher: 'AzTV', kind: 'DOCUMENT' }],
            review: verified('2025-05-09'),
          },
        ],
      },
      {
        key: 'co-production',
        title: 'Film co-production agreement concluded',
        description: 'A co-production agreement that lets joint films qualify as national productions in both countries.',
        clauseRef: 'Art. 5',
        kind: 'ONE_OFF',
        dueOn: '2024-12-31',
        updates: [
          {
            key: 'coprod-2024',
            by: 'az',
            observedOn: '2024-07-01',
            status: 'IN_PROGRESS',
            progress: 20,
            narrative: 'Draft co-production agreement exchanged between the ministries.',
            evidence: [
              {
                url: ex('culture-az/2024/coproduction'),
                title: 'Ministry of Culture news item',
                publisher: 'Ministry of Culture of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2024-07-05'),
          },
          {
            key: 'coprod-claim',
            by: 'pk',
            observedOn: '2025-03-10',
            status: 'IN_PROGRESS',
            progress: 80,
            narrative: 'Co-production agreement close to signature after the joint film festival.',
            evidence: [
              { url: ex('news/2025/film-festival'), title: 'Report on the joint film festival', publisher: 'Dawn', kind: 'NEWS_REPORT' },
            ],
            review: {
              state: 'REJECTED',
              on: '2025-03-14',
              note: "The cited report covers a festival screening, not the co-production agreement; please cite the ministry's statement.",
            },
          },
        ],
      },
    ],
  },
  {
    slug: 'health-workforce-mou',
    title: 'Memorandum on health workforce cooperation',
    kind: 'MOU',
    status: 'SIGNED',
    signedOn: '2024-02-12',
    summary:
      "Many Pakistani doctors and health professionals work abroad. The memorandum opens Azerbaijan's job market to them, starting with mutual recognition of medical qualifications.",
    published: true,
    sectors: ['health'],
    parties: [
      ['pk-ministry-of-health', 'SIGNATORY'],
      ['az-ministry-of-health', 'SIGNATORY'],
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'qualification-recognition',
        title: 'Framework for mutual recognition of medical qualifications',
        description: 'Procedures that let doctors and nurses registered in one country register in the other.',
        clauseRef: 'Art. 2',
        dueOn: '2025-02-12',
        kind: 'ONE_OFF',
        updates: [
          {
            key: 'recognition-2025',
            by: 'az',
            observedOn: '2025-06-30',
            status: 'STALLED',
            progress: 25,
            narrative: 'Talks on recognition stalled over language requirements.',
            evidence: [
              {
                url: ex('health-az/2025/recognition'),
                title: 'Ministry of Health press briefing',
                publisher: 'Ministry of Health of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2025-07-04'),
          },
        ],
      },
      {
        key: 'health-placements',
        title: 'Pakistani health professionals placed in Azerbaijan',
        description: 'Doctors, nurses and technicians from Pakistan employed in Azerbaijani health facilities.',
        clauseRef: 'Art. 4',
        dueOn: '2027-12-31',
        kind: 'TARGET',
        baseline: 0,
        target: 500,
        unit: 'professionals',
        updates: [
          {
            key: 'placements-pending',
            by: 'pk',
            observedOn: '2026-10-20',
            status: 'IN_PROGRESS',
            actualValue: 40,
            narrative: 'Forty professionals recruited through the Overseas Employment Corporation.',
            evidence: [
              {
                url: ex('oec/2026/azerbaijan'),
                title: 'OEC recruitment notice for Azerbaijan',
                publisher: 'Overseas Employment Corporation',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'agriculture-food-processing-mou',
    title: 'Memorandum on agriculture and food processing',
    kind: 'MOU',
    status: 'IN_FORCE',
    signedOn: '2021-05-18',
    summary:
      "Azerbaijan's agricultural expertise and Pakistan's large food-processing industry: expert exchanges, a joint working group and investment in cold chains.",
    published: true,
    sectors: ['agriculture-food-processing'],
    parties: [
      ['pk-ministry-of-food-security', 'SIGNATORY'],
      ['az-ministry-of-agriculture', 'SIGNATORY'],
    ],
    assigned: ['az'],
    milestones: [
      {
        key: 'agri-jwg',
        title: 'Joint working group on food processing',
        description: 'Working group on standards, processing technology and market access.',
        clauseRef: 'Art. 3',
        dueOn: '2021-12-31',
        kind: 'ONE_OFF',
        updates: [
          {
            key: 'agri-jwg-met',
            by: 'az',
            observedOn: '2021-10-12',
            status: 'ACHIEVED',
            progress: 100,
            narrative: 'Working group established at its first meeting in Baku.',
            evidence: [
              {
                url: ex('agri-az/2021/jwg'),
                title: 'Ministry of Agriculture news',
                publisher: 'Ministry of Agriculture of Azerbaijan',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2021-10-18'),
          },
        ],
      },
      {
        key: 'agri-delegations',
        title: 'Agricultural expert delegations exchanged every year',
        description: 'One delegation of agricultural experts a year, alternating between the countries.',
        clauseRef: 'Art. 4',
        kind: 'RECURRING',
        frequency: 'ANNUAL',
        quantityPerPeriod: 1,
        unit: 'delegation',
        startsOn: '2022-01-01',
        updates: ['2022-04-11', '2023-09-19', '2025-05-06'].map(
          (day) =>
            ({
              key: `agri-delegation-${day}`,
              by: 'az',
              observedOn: day,
              status: 'IN_PROGRESS',
              quantity: 1,
              narrative: `Expert delegation visit completed on ${day}.`,
              evidence: [
                {
                  url: ex(`agri-az/delegations/${day}`),
                  title: `Delegation report ${day.slice(0, 4)}`,
                  publisher: 'Ministry of Agriculture of Azerbaijan',
                  kind: 'DOCUMENT',
                },
              ],
              review: verified(plusDays(day, 5)),
            }) satisfies DemoUpdate,
        ),
      },
      {
        key: 'cold-chain',
        title: 'Cold-chain investment projects launched',
        description: 'Joint investment projects in cold storage and refrigerated transport.',
        clauseRef: 'Art. 6',
        dueOn: '2026-06-30',
        kind: 'TARGET',
        baseline: 0,
        target: 5,
        unit: 'projects',
        updates: [
          {
            key: 'cold-chain-2024',
            by: 'az',
            observedOn: '2024-08-01',
            status: 'IN_PROGRESS',
            actualValue: 1,
            narrative: 'A first cold-storage joint venture registered in Sindh.',
            evidence: [
              {
                url: ex('boi/2024/cold-chain'),
                title: 'Board of Investment notice',
                publisher: 'Board of Investment',
                kind: 'OFFICIAL_STATEMENT',
              },
            ],
            review: verified('2024-08-06'),
          },
        ],
      },
    ],
  },
  {
    slug: 'textiles-fashion-letter-of-intent',
    title: 'Letter of intent on textiles and fashion',
    kind: 'LETTER_OF_INTENT',
    status: 'SIGNED',
    signedOn: '2025-04-08',
    summary:
      "Both countries have a long history of textile production and design. Azerbaijan's fashion industry is to draw on Pakistan's textile production and export expertise, starting with a joint exhibition and an export goal.",
    published: true,
    sectors: ['textiles-fashion', 'trade-investment'],
    parties: [
      ['tdap', 'SIGNATORY'],
      ['azpromo', 'SIGNATORY'],
    ],
    assigned: ['pk'],
    milestones: [
      {
        key: 'textile-exhibition',
        title: 'Joint textile and fashion exhibition held in Baku',
        description: 'An exhibition of Pakistani textile producers and Azerbaijani designers.',
        clauseRef: 'Para. 2',
        dueOn: '2026-06-30',
        responsible: 'tdap',
        kind: 'ONE_OFF',
      },
      {
        key: 'textile-exports',
        title: 'Pakistani textile exports to Azerbaijan reach USD 40 million',
        description: 'Annual textile and clothing exports from Pakistan to Azerbaijan.',
        clauseRef: 'Para. 3',
        dueOn: '2027-12-31',
        kind: 'TARGET',
        baseline: 12,
        target: 40,
        unit: 'USD million',
      },
    ],
  },
  {
    slug: 'energy-infrastructure-investment-declaration',
    title: 'Joint declaration on investment in energy infrastructure',
    kind: 'JOINT_DECLARATION',
    status: 'UNDER_NEGOTIATION',
    summary:
      "Under negotiation: Azerbaijani investment in Pakistan's energy infrastructure, building on the LNG supply. Not yet signed, so it does not count towards the relationship's score.",
    published: true,
    sectors: ['energy-infrastructure'],
    parties: [
      ['pakistan', 'SIGNATORY'],
      ['azerbaijan', 'SIGNATORY'],
      ['socar', 'IMPLEMENTING'],
    ],
    assigned: ['pk', 'az'],
    milestones: [
      {
        key: 'gas-storage-study',
        title: 'Feasibility study for gas storage investment',
        description: 'A joint study of underground gas storage in Pakistan with SOCAR participation.',
        kind: 'ONE_OFF',
      },
    ],
  },
  {
    slug: 'it-outsourcing-partnership',
    title: 'Software and IT outsourcing partnership (draft)',
    kind: 'AGREEMENT',
    status: 'PROPOSED',
    summary: "Draft in preparation by the register's administrators; not public.",
    published: false,
    sectors: ['it-e-government'],
    parties: [
      ['pakistan', 'SIGNATORY'],
      ['azerbaijan', 'SIGNATORY'],
    ],
    assigned: [],
    milestones: [
      { key: 'it-dev-centres', title: 'Joint software development centres opened', description: 'Draft milestone.', kind: 'ONE_OFF' },
    ],
  },
];
