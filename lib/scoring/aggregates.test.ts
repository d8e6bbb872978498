import { describe, expect, it } from 'vitest';
import { agreementMonthly, aggregateScore, monthlyAggregate } from './aggregates.ts';

const agreements = [
  { id: 'a', status: 'IN_FORCE', signedOn: '2024-01-15' },
  { id: 'b', status: 'SIGNED', signedOn: '2024-03-10' },
  { id: 'c', status: 'UNDER_NEGOTIATION', signedOn: null },
];
const scores: Record<string, number> = { a: 80, b: 40, c: 100 };

describe('group scores', () => {
  it('are the plain mean of the agreements signed by the day, leaving out unsigned ones', () => {
    expect(aggregateScore(agreements, (id) => scores[id]!, '2024-12-31')).toEqual({ score: 60, band: 'INTERMEDIATE', counted: 2 });
    expect(aggregateScore(agreements, (id) => scores[id]!, '2024-02-01')).toEqual({ score: 80, band: 'INTERMEDIATE', counted: 1 });
  });

  it('have no score when no agreement counts yet', () => {
    expect(aggregateScore(agreements, (id) => scores[id]!, '2023-12-31')).toEqual({ score: null, band: null, counted: 0 });
  });
});

describe('monthly history of a group', () => {
  const history = new Map([
    [
      'a',
      [
        { month: '2024-01-01', score: 0 },
        { month: '2024-02-01', score: 50 },
      ],
    ],
    [
      'b',
      [
        { month: '2024-03-01', score: 20 },
        { month: '2024-04-01', score: 30 },
      ],
    ],
  ]);

  it('runs from the first signature to the reference month, carrying stored scores forward over gaps', () => {
    const series = monthlyAggregate(agreements, history, (id) => scores[id]!, '2024-05-20');
    expect(series.map((point) => point.month)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01']);
    expect(series.slice(0, 4).map((point) => point.score)).toEqual([0, 50, 35, 40]);
  });

  it('ends with the current scores, so the chart ends where the headline number is', () => {
    const series = monthlyAggregate(agreements, history, (id) => scores[id]!, '2024-05-20');
    expect(series.at(-1)).toEqual({ month: '2024-05-01', score: 60 });
  });

  it('is empty before any agreement was signed', () => {
    expect(monthlyAggregate(agreements, history, (id) => scores[id]!, '2023-06-01')).toEqual([]);
  });
});

describe('monthly history of one agreement', () => {
  it('runs from its first stored month and ends with its current score', () => {
    const series = agreementMonthly(
      [
        { month: '2024-01-01', score: 10 },
        { month: '2024-03-01', score: 30 },
      ],
      45,
      '2024-04-02',
    );
    expect(series).toEqual([
      { month: '2024-01-01', score: 10 },
      { month: '2024-02-01', score: 10 },
      { month: '2024-03-01', score: 30 },
      { month: '2024-04-01', score: 45 },
    ]);
  });

  it('is empty as of a day before its history starts', () => {
    expect(agreementMonthly([{ month: '2024-01-01', score: 10 }], 10, '2023-12-31')).toEqual([]);
  });
});
