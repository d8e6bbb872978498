// Words the synthetic data set is made of: per sector, the topics agreements are about and the kinds of
// obligations they contain, so titles, milestones and narratives read like the real thing and search
// terms match a realistic share of agreements.
import type { AgreementKind, PartyKind } from '../../lib/generated/prisma/enums.ts';

export interface SectorVocabulary {
  topics: string[];
  oneOff: string[];
  recurring: { title: string; unit: string; perPeriod: [number, number] }[];
  targets: { title: string; unit: string; range: [number, number] }[];
}

export const SECTOR_VOCABULARY: Record<string, SectorVocabulary> = {
  'energy-infrastructure': {
    topics: [
      'LNG supply',
      'gas pipeline interconnection',
      'refinery modernisation',
      'power transmission',
      'solar generation',
      'oil storage terminals',
    ],
    oneOff: [
      'Feasibility study completed',
      'Supply contract signed',
      'Terminal capacity reserved',
      'Pipeline route surveyed',
      'Joint venture registered',
    ],
    recurring: [
      { title: 'LNG cargoes delivered', unit: 'cargoes', perPeriod: [1, 2] },
      { title: 'Crude shipments delivered', unit: 'shipments', perPeriod: [1, 3] },
    ],
    targets: [
      { title: 'Installed solar capacity', unit: 'MW', range: [50, 600] },
      { title: 'Gas volumes contracted', unit: 'bcm', range: [1, 12] },
    ],
  },
  'agriculture-food-processing': {
    topics: [
      'cold-chain logistics',
      'seed certification',
      'halal food processing',
      'irrigation technology',
      'livestock health',
      'cotton research',
    ],
    oneOff: [
      'Joint research centre opened',
      'Phytosanitary protocol agreed',
      'Pilot farm established',
      'Cold storage facility commissioned',
    ],
    recurring: [
      { title: 'Agronomist exchange visits', unit: 'visits', perPeriod: [1, 4] },
      { title: 'Rice consignments shipped', unit: 'consignments', perPeriod: [2, 6] },
    ],
    targets: [
      { title: 'Farmers trained in drip irrigation', unit: 'farmers', range: [200, 5000] },
      { title: 'Processed food exports', unit: 'USD million', range: [5, 120] },
    ],
  },
  'textiles-fashion': {
    topics: ['textile machinery', 'cotton yarn trade', 'fashion design exchange', 'garment export zones', 'silk weaving heritage'],
    oneOff: [
      'Design institute partnership launched',
      'Export zone allocated',
      'Certification scheme recognised',
      'Trade fair pavilion opened',
    ],
    recurring: [
      { title: 'Fabric consignments exported', unit: 'consignments', perPeriod: [2, 8] },
      { title: 'Designer residencies hosted', unit: 'residencies', perPeriod: [1, 3] },
    ],
    targets: [
      { title: 'Textile exports', unit: 'USD million', range: [10, 300] },
      { title: 'Garment workers trained', unit: 'workers', range: [100, 3000] },
    ],
  },
  'it-e-government': {
    topics: [
      'digital identity',
      'e-government services',
      'software outsourcing',
      'cybersecurity cooperation',
      'data centre hosting',
      'one-stop service halls',
    ],
    oneOff: [
      'Identity system interoperability tested',
      'Service hall opened',
      'Data protection framework adopted',
      'Software park MoU implemented',
    ],
    recurring: [
      { title: 'Technical working group meetings', unit: 'meetings', perPeriod: [1, 2] },
      { title: 'Engineers seconded', unit: 'engineers', perPeriod: [2, 10] },
    ],
    targets: [
      { title: 'Citizens served by joint e-services', unit: 'thousand citizens', range: [10, 900] },
      { title: 'IT export contracts', unit: 'USD million', range: [2, 80] },
    ],
  },
  health: {
    topics: [
      'health workforce mobility',
      'pharmaceutical registration',
      'telemedicine',
      'hepatitis screening',
      'hospital twinning',
      'vaccine production',
    ],
    oneOff: [
      'Mutual recognition of medical degrees',
      'Joint hospital ward opened',
      'Drug registration fast track adopted',
      'Telemedicine link launched',
    ],
    recurring: [
      { title: 'Nurses placed', unit: 'nurses', perPeriod: [5, 40] },
      { title: 'Medical camps held', unit: 'camps', perPeriod: [1, 3] },
    ],
    targets: [
      { title: 'Patients screened for hepatitis', unit: 'patients', range: [1000, 50000] },
      { title: 'Doctors trained', unit: 'doctors', range: [20, 800] },
    ],
  },
  'education-academics': {
    topics: ['scholarships', 'university partnerships', 'language teaching', 'joint research fellowships', 'vocational training'],
    oneOff: ['Joint degree programme accredited', 'Language centre opened', 'Research fund established', 'Credit transfer agreed'],
    recurring: [
      { title: 'Scholarships awarded', unit: 'scholarships', perPeriod: [10, 60] },
      { title: 'Faculty exchanges', unit: 'exchanges', perPeriod: [1, 6] },
    ],
    targets: [
      { title: 'Students enrolled in exchange programmes', unit: 'students', range: [50, 2000] },
      { title: 'Joint publications', unit: 'papers', range: [5, 200] },
    ],
  },
  'culture-entertainment': {
    topics: [
      'film co-production',
      'drama broadcasting',
      'music festivals',
      'heritage conservation',
      'museum exchange',
      'tourism promotion',
    ],
    oneOff: ['Co-production treaty ratified', 'Cultural centre opened', 'Heritage register shared', 'Film festival partnership signed'],
    recurring: [
      { title: 'Cultural weeks held', unit: 'events', perPeriod: [1, 2] },
      { title: 'Dramas broadcast', unit: 'series', perPeriod: [1, 4] },
    ],
    targets: [
      { title: 'Tourist arrivals', unit: 'thousand arrivals', range: [10, 400] },
      { title: 'Films co-produced', unit: 'films', range: [2, 30] },
    ],
  },
  defence: {
    topics: ['joint military exercises', 'defence production', 'officer training', 'naval cooperation', 'counter-terrorism'],
    oneOff: [
      'Joint production line set up',
      'Training academy places reserved',
      'Port call agreement concluded',
      'Liaison office established',
    ],
    recurring: [
      { title: 'Joint exercises held', unit: 'exercises', perPeriod: [1, 2] },
      { title: 'Officer training places filled', unit: 'officers', perPeriod: [5, 30] },
    ],
    targets: [
      { title: 'Aircraft delivered', unit: 'aircraft', range: [4, 40] },
      { title: 'Senior-level visits', unit: 'visits', range: [5, 30] },
    ],
  },
  'trade-investment': {
    topics: [
      'preferential trade',
      'investment promotion',
      'customs cooperation',
      'transit corridors',
      'banking links',
      'double taxation avoidance',
    ],
    oneOff: [
      'Preferential tariff schedule in force',
      'Joint business council convened',
      'Customs data exchange live',
      'Direct flights launched',
    ],
    recurring: [
      { title: 'Joint economic commission sessions', unit: 'sessions', perPeriod: [1, 1] },
      { title: 'Trade delegations received', unit: 'delegations', perPeriod: [1, 5] },
    ],
    targets: [
      { title: 'Bilateral trade volume', unit: 'USD million', range: [100, 2000] },
      { title: 'Investment projects registered', unit: 'projects', range: [5, 150] },
    ],
  },
};

export const KIND_PHRASES: Record<AgreementKind, string> = {
  MOU: 'Memorandum of Understanding on',
  AGREEMENT: 'Agreement on',
  TREATY: 'Treaty on',
  PROTOCOL: 'Protocol on',
  CONTRACT: 'Contract for',
  LETTER_OF_INTENT: 'Letter of Intent on',
  JOINT_DECLARATION: 'Joint Declaration on',
  PROGRAMME: 'Programme of Cooperation in',
};

export const QUALIFIERS = ['cooperation in', 'development of', 'expansion of', 'partnership in', 'mutual support for', 'joint work on'];
export const CITIES = [
  'Baku',
  'Islamabad',
  'Lahore',
  'Karachi',
  'Ganja',
  'Sumgait',
  'Peshawar',
  'Quetta',
  'Nakhchivan',
  'Multan',
  'Shaki',
  'Faisalabad',
];

/** Generated parties beyond the real ones: bodies, companies and universities of either side. */
export const PARTY_PATTERNS: { kind: PartyKind; country: 'PK' | 'AZ'; names: string[] }[] = [
  {
    kind: 'GOVERNMENT_BODY',
    country: 'PK',
    names: ['Punjab {x} Department', 'Sindh {x} Authority', 'Khyber Pakhtunkhwa {x} Board', 'Federal {x} Directorate'],
  },
  {
    kind: 'GOVERNMENT_BODY',
    country: 'AZ',
    names: ['State Agency for {x}', '{x} Development Fund of Azerbaijan', 'Baku {x} Administration'],
  },
  { kind: 'COMPANY', country: 'PK', names: ['{c} {x} Limited', '{c} {x} Holdings'] },
  { kind: 'COMPANY', country: 'AZ', names: ['{c} {x} LLC', 'Azer{x} OJSC'] },
  { kind: 'STATE_COMPANY', country: 'PK', names: ['Pakistan {x} Corporation'] },
  { kind: 'STATE_COMPANY', country: 'AZ', names: ['Azerbaijan {x} Company'] },
  { kind: 'UNIVERSITY', country: 'PK', names: ['University of {c}', '{c} Institute of Technology'] },
  { kind: 'UNIVERSITY', country: 'AZ', names: ['{c} State University', '{c} Technical University'] },
];
export const PARTY_FIELDS = [
  'Energy',
  'Agriculture',
  'Textile',
  'Digital Services',
  'Health',
  'Education',
  'Culture',
  'Logistics',
  'Investment',
  'Water',
  'Transport',
  'Tourism',
];

export const PUBLISHERS = [
  'Dawn',
  'The Express Tribune',
  'Azertac',
  'APA',
  'Report.az',
  'Associated Press of Pakistan',
  'Business Recorder',
  'Trend News Agency',
];
export const NARRATIVE_OPENERS = [
  'Reported by the implementing agency:',
  'Confirmed in an official statement:',
  'According to press reports,',
  'Site visit notes:',
  'Per the quarterly progress report,',
];
export const CORRECTION_REASONS = [
  'The earlier figure double-counted one delivery.',
  'The observation date was wrong in the source.',
  'Revised after the agency published final numbers.',
];
export const REJECTION_NOTES = [
  'The evidence does not support the reported figure.',
  'Duplicate of an earlier update.',
  'The source is not reliable enough.',
];
export const FIRST_NAMES = {
  PK: ['Ayesha', 'Bilal', 'Fatima', 'Hamza', 'Iqra', 'Usman', 'Sana', 'Zainab', 'Omar', 'Hira'],
  AZ: ['Elvin', 'Leyla', 'Rashad', 'Aysel', 'Tural', 'Nigar', 'Kamran', 'Gunel', 'Orkhan', 'Sevinj'],
  XX: ['Maria', 'Daniel', 'Sofia', 'Jonas', 'Amira', 'Lukas'],
};
export const LAST_NAMES = {
  PK: ['Siddiqui', 'Khan', 'Qureshi', 'Malik', 'Chaudhry', 'Abbasi', 'Butt', 'Raza'],
  AZ: ['Mammadov', 'Aliyeva', 'Huseynov', 'Guliyeva', 'Hasanov', 'Ismayilova', 'Rzayev', 'Jafarova'],
  XX: ['Weber', 'Rossi', 'Novak', 'Larsen', 'Haddad', 'Costa'],
};
