import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from './permissions.ts';

const publicViewer = { role: 'PUBLIC' as const };
const analyst = { role: 'ANALYST' as const };
const admin = { role: 'ADMIN' as const };

describe('the permission table', () => {
  it('lets the public only sign in and set a password from a one-time link', () => {
    const allowed = Object.keys(PERMISSIONS).filter((permission) => can(publicViewer, permission as keyof typeof PERMISSIONS));
    expect(allowed).toEqual(['session:sign-in', 'account:set-password']);
  });

  it('lets analysts record progress only on assigned agreements', () => {
    expect(can(analyst, 'progress:record', { assigned: true })).toBe(true);
    expect(can(analyst, 'progress:record', { assigned: false })).toBe(false);
    expect(can(analyst, 'progress:record')).toBe(false);
    expect(can(admin, 'progress:record', { assigned: true })).toBe(false);
  });

  it('lets nobody review their own update, and analysts only on assigned agreements', () => {
    expect(can(analyst, 'progress:review', { assigned: true, notAuthor: true })).toBe(true);
    expect(can(analyst, 'progress:review', { assigned: true, notAuthor: false })).toBe(false);
    expect(can(analyst, 'progress:review', { assigned: false, notAuthor: true })).toBe(false);
    expect(can(admin, 'progress:review', { notAuthor: true })).toBe(true);
    expect(can(admin, 'progress:review', { notAuthor: false })).toBe(false);
  });

  it('keeps the register, users, assignments and the audit log to admins', () => {
    for (const permission of ['agreement:manage', 'user:manage', 'assignment:manage', 'audit:read', 'data:import'] as const) {
      expect(can(admin, permission)).toBe(true);
      expect(can(analyst, permission, { assigned: true, notAuthor: true })).toBe(false);
    }
  });

  it('holds an admin without a second factor to enrolment and signing out', () => {
    const enrolling = { role: 'ADMIN' as const, mustEnrolTwoFactor: true };
    expect(can(enrolling, 'account:two-factor')).toBe(true);
    expect(can(enrolling, 'session:sign-out')).toBe(true);
    expect(can(enrolling, 'agreement:manage')).toBe(false);
    expect(can(enrolling, 'admin:view')).toBe(false);
  });
});
