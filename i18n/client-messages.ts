import type { AbstractIntlMessages } from 'next-intl';

/**
 * Namespaces client components translate with. Only these are sent to the browser, to keep the
 * page payload small; server components use the whole catalog.
 */
export const CLIENT_NAMESPACES = [
  'Auth', 'Account', 'Errors', 'Forms',
  'Admin', 'AdminAgreements', 'AdminMilestones', 'AdminTaxonomy', 'AdminUsers', 'AdminAudit', 'SetPassword',
] as const;

export function pickClientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]));
}
