import 'server-only';
import { getTranslations } from 'next-intl/server';
import { PartyKind } from '@/lib/generated/prisma/enums.ts';

export async function partyKindOptions() {
  const enums = await getTranslations('AdminEnums');
  return Object.values(PartyKind).map((value) => ({ value, label: enums(`PartyKind.${value}`) }));
}
