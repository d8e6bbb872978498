import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/session.ts';
import { partyOptions } from '@/lib/data/admin/parties.ts';
import { UserRole } from '@/lib/generated/prisma/enums.ts';

export async function userChoices(viewer: Viewer) {
  const [parties, enums] = await Promise.all([partyOptions(viewer), getTranslations('AdminEnums')]);
  return { parties, roles: Object.values(UserRole).map((value) => ({ value, label: enums(`UserRole.${value}`) })) };
}
