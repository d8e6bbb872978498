'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { verifyAuditTrail } from '@/lib/data/admin/audit.ts';

export const verifyAuditChainAction = defineAction({
  permission: 'audit:read',
  schema: z.object({}),
  async run(_input, viewer) {
    const verdict = await verifyAuditTrail(viewer);
    return verdict.ok
      ? { status: 'success', message: 'chain-ok', data: { checked: verdict.checked } }
      : { status: 'error', error: 'chain-broken', current: verdict };
  },
});
