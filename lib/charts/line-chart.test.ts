import { describe, expect, it } from 'vitest';
import { lineChartGeometry, yearTickIndexes, type ChartBox } from './line-chart.ts';

const box: ChartBox = { width: 110, height: 120, left: 10, right: 0, top: 10, bottom: 10 };

describe('the score chart geometry', () => {
  it('maps months across the width and scores from 0 at the bottom to 100 at the top', () => {
    const geometry = lineChartGeometry(
      [
        { label: 'a', value: 0 },
        { label: 'b', value: 50 },
        { label: 'c', value: 100 },
      ],
      [],
      box,
    );
    expect(geometry.path).toBe('M10 110 L60 60 L110 10');
    expect(geometry.last).toEqual({ x: 110, y: 10 });
    expect(geometry.yTicks.map((tick) => tick.y)).toEqual([110, 85, 60, 35, 10]);
  });

  it('breaks the line where a month has no score', () => {
    const points = [
      { label: 'a', value: 10 },
      { label: 'b', value: null },
      { label: 'c', value: 20 },
      { label: 'd', value: 30 },
    ];
    expect(lineChartGeometry(points, [], box).path).toBe('M10 100 M76.7 90 L110 80');
  });

  it('centres a single month and keeps out-of-range values inside the plot', () => {
    const geometry = lineChartGeometry([{ label: 'a', value: 140 }], [0], box);
    expect(geometry.path).toBe('M60 10');
    expect(geometry.xTicks).toEqual([{ index: 0, x: 60 }]);
  });

  it('labels Januaries, thinned to the maximum, or else the first month', () => {
    const months = ['2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01', '2022-01-01', '2023-01-01', '2024-01-01'];
    expect(yearTickIndexes(months)).toEqual([2, 4, 5, 6]);
    expect(yearTickIndexes(months, 2)).toEqual([2, 5]);
    expect(yearTickIndexes(['2024-03-01', '2024-04-01'])).toEqual([0]);
  });
});
