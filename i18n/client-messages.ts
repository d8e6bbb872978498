import type { AbstractIntlMessages } from 'next-intl';

/**
 * Message namespaces that client components translate with, per area of the app. Each area's layout
 * sends only its own to the browser, keeping public pages light; server components use the whole
 * catalog.
 */
export const CLIENT_NAMESPACES = {
  auth: ['Errors', 'Auth', 'Forms', 'SetPassword'],
  signedIn: [
    'Errors',
    'Auth',
    'Account',
    'Forms',
    'Workspace',
    'ProgressStatus',
    'EvidenceKind',
    'Admin',
    'AdminAgreements',
    'AdminMilestones',
    'AdminTaxonomy',
    'AdminUsers',
    'AdminAudit',
    'AdminImport',
  ],
} as const;

export function pickClientMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]));
}
