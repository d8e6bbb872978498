// Geometry of the month-by-month score chart, rendered on the server as SVG. Pure, so the drawing can
// be tested without a browser. Scores run 0–100; months without a score leave a gap in the line.

export interface ChartPoint {
  label: string;
  value: number | null;
}

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 640, height: 220, left: 44, right: 16, top: 12, bottom: 30 };

export interface LineChartGeometry {
  /** SVG path data: one "M … L …" run per stretch of consecutive values. */
  path: string;
  last: { x: number; y: number } | null;
  yTicks: { value: number; y: number }[];
  xTicks: { index: number; x: number }[];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function lineChartGeometry(
  points: readonly ChartPoint[],
  tickIndexes: readonly number[],
  box: ChartBox = DEFAULT_BOX,
): LineChartGeometry {
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const xOf = (index: number) => round(box.left + (points.length > 1 ? (index / (points.length - 1)) * plotWidth : plotWidth / 2));
  const yOf = (value: number) => round(box.top + (1 - Math.max(0, Math.min(100, value)) / 100) * plotHeight);

  const runs: string[] = [];
  let current: string[] = [];
  let last: { x: number; y: number } | null = null;
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current.length) runs.push(current.join(' '));
      current = [];
      return;
    }
    last = { x: xOf(index), y: yOf(point.value) };
    current.push(`${current.length ? 'L' : 'M'}${last.x} ${last.y}`);
  });
  if (current.length) runs.push(current.join(' '));

  return {
    path: runs.join(' '),
    last,
    yTicks: [0, 25, 50, 75, 100].map((value) => ({ value, y: yOf(value) })),
    xTicks: tickIndexes.filter((index) => index >= 0 && index < points.length).map((index) => ({ index, x: xOf(index) })),
  };
}

/** Indexes of the months to label: each January, thinned to at most `max` labels, or the first month. */
export function yearTickIndexes(months: readonly string[], max = 8): number[] {
  const januaries = months.flatMap((month, index) => (month.endsWith('-01-01') ? [index] : []));
  if (januaries.length === 0) return months.length ? [0] : [];
  const step = Math.ceil(januaries.length / max);
  return januaries.filter((_, position) => position % step === 0);
}
