import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/session.ts';
import { partyOptions } from '@/lib/data/admin/parties.ts';
import { MilestoneKind, RecurrenceFrequency } from '@/lib/generated/prisma/enums.ts';
import type { MilestoneChoices } from './milestone-form.tsx';

export async function milestoneChoices(viewer: Viewer): Promise<MilestoneChoices> {
  const [parties, enums] = await Promise.all([partyOptions(viewer), getTranslations('AdminEnums')]);
  return {
    parties,
    kinds: Object.values(MilestoneKind).map((value) => ({ value, label: enums(`MilestoneKind.${value}`) })),
    frequencies: Object.values(RecurrenceFrequency).map((value) => ({ value, label: enums(`RecurrenceFrequency.${value}`) })),
  };
}
