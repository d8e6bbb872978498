import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../auth/action.ts';
import { MilestoneSchema } from './milestone.ts';

const base = { agreementId: '01900000-0000-7000-8000-000000000001', title: 'Deliveries', weight: '1' };

function errorsOf(input: Record<string, string>) {
  const result = MilestoneSchema.safeParse({ ...base, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('the milestone form', () => {
  it('asks a recurring obligation for its frequency, quantity, unit and start, and an end not before the start', () => {
    expect(errorsOf({ kind: 'RECURRING' })).toEqual({
      frequency: ['required'],
      quantityPerPeriod: ['required'],
      unit: ['required'],
      startsOn: ['required'],
    });
    expect(
      errorsOf({
        kind: 'RECURRING',
        frequency: 'MONTHLY',
        quantityPerPeriod: '0',
        unit: 'cargoes',
        startsOn: '2026-05-01',
        endsOn: '2026-04-30',
      }),
    ).toEqual({ quantityPerPeriod: ['positive'], endsOn: ['endBeforeStart'] });
  });

  it('asks a numeric target for a baseline and a different target, with a unit', () => {
    expect(errorsOf({ kind: 'TARGET' })).toEqual({ baseline: ['required'], target: ['required'], unit: ['required'] });
    expect(errorsOf({ kind: 'TARGET', baseline: '5', target: '5', unit: 'MW' })).toEqual({ target: ['baselineEqualsTarget'] });
  });

  it("reports the kind's missing fields together with every other problem", () => {
    expect(errorsOf({ kind: 'TARGET', title: '', weight: '0', baseline: '10', unit: 'MW' })).toEqual({
      title: ['required'],
      weight: ['positive'],
      target: ['required'],
    });
  });

  it("keeps only the chosen kind's fields, so switching a milestone to one-off clears its schedule", () => {
    const parsed = MilestoneSchema.parse({
      ...base,
      kind: 'ONE_OFF',
      frequency: 'MONTHLY',
      quantityPerPeriod: '3',
      unit: 'cargoes',
      startsOn: '2026-01-01',
      baseline: '1',
      target: '2',
    });
    expect(parsed).toMatchObject({
      kind: 'ONE_OFF',
      frequency: null,
      quantityPerPeriod: null,
      unit: null,
      startsOn: null,
      baseline: null,
      target: null,
      weight: 1,
    });
  });
});
