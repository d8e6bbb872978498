'use server';

import { refresh } from 'next/cache';
import { defineAction } from '@/lib/auth/action.ts';
import { assignAnalyst, unassignAnalyst } from '@/lib/data/admin/assignments.ts';
import { AssignmentSchema } from '@/lib/validation/user.ts';

// Used from both the agreement's page and the analyst's page. Assignments are not public.

export const assignAnalystAction = defineAction({
  permission: 'assignment:manage',
  schema: AssignmentSchema,
  target: (input) => ({ agreementId: input.agreementId }),
  async run(input, viewer) {
    await assignAnalyst(viewer, input);
    refresh();
    return { status: 'success', message: 'assigned' };
  },
});

export const unassignAnalystAction = defineAction({
  permission: 'assignment:manage',
  schema: AssignmentSchema,
  target: (input) => ({ agreementId: input.agreementId }),
  async run(input, viewer) {
    await unassignAnalyst(viewer, input);
    refresh();
    return { status: 'success', message: 'unassigned' };
  },
});
