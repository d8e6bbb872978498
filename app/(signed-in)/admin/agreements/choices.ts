import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/session.ts';
import { partyOptions } from '@/lib/data/admin/parties.ts';
import { sectorOptions } from '@/lib/data/admin/sectors.ts';
import { AgreementKind, LifecycleStatus, PartyRole, SourceDocumentKind } from '@/lib/generated/prisma/enums.ts';
import type { AgreementChoices } from './agreement-form.tsx';

/** Every choice the agreement form offers, labelled in the viewer's language. */
export async function agreementChoices(viewer: Viewer): Promise<AgreementChoices> {
  const [parties, sectors, kind, status, enums] = await Promise.all([
    partyOptions(viewer),
    sectorOptions(viewer),
    getTranslations('AgreementKind'),
    getTranslations('LifecycleStatus'),
    getTranslations('AdminEnums'),
  ]);
  return {
    parties,
    sectors,
    kinds: Object.values(AgreementKind).map((value) => ({ value, label: kind(value) })),
    statuses: Object.values(LifecycleStatus).map((value) => ({ value, label: status(value) })),
    roles: Object.values(PartyRole).map((value) => ({ value, label: enums(`PartyRole.${value}`) })),
    documentKinds: Object.values(SourceDocumentKind).map((value) => ({ value, label: enums(`SourceDocumentKind.${value}`) })),
  };
}
