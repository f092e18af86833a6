import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line (or set of points) of a chart. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Points only, no line: the scatter. */
  pointsOnly?: boolean;
}

export interface ChartProps {
  /** The x values, ascending: UTC days as seconds since the epoch when `time`. */
  x: number[];
  series: ChartSeries[];
  time: boolean;
  xLabel: string;
  yLabel: string;
  /** Says in words what the chart shows (its table below holds the numbers). */
  description: string;
  yRange?: [number, number];
}

const HEIGHT = 240;
const DAY = 86_400;
const HALF_DAY = DAY / 2;
/** Ticks on a time axis: whole days, weeks, months (30 days), years. */
const DAY_STEPS = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];
/** The x axis: half a day either side of the days (a single day sits in the middle); from 0 otherwise. */
function xRange({ x, time }: ChartProps): [number, number] {
  const lo = x[0] ?? 0;
  const hi = x[x.length - 1] ?? 0;
  return time ? [lo - HALF_DAY, hi + HALF_DAY] : [0, hi > 0 ? hi * 1.1 : 1];
}

/** A tick as its UTC day: the buckets are UTC days whatever the browser's time zone. */
const utcDayLabel = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * A uPlot chart (this module and the library are their own chunk, loaded with the Dashboards tab).
 * The time it took to draw is kept on the figure (`data-render-ms`) for the browser test.
 */
export function UPlotChart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const started = performance.now();
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: HEIGHT,
        scales: {
          // Fixed from the data: uPlot widens a single x value to years on its own.
          x: { time: props.time, auto: false, range: xRange(props) },
          ...(props.yRange ? { y: { range: props.yRange } } : {}),
        },
        axes: [
          props.time
            ? { label: props.xLabel, incrs: DAY_STEPS, values: (_u, splits) => splits.map(utcDayLabel) }
            : { label: props.xLabel },
          { label: props.yLabel },
        ],
        series: [
          {},
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.pointsOnly ? 0 : 2,
            spanGaps: false,
            points: { show: true, size: s.pointsOnly ? 9 : 5, fill: s.color },
            ...(s.pointsOnly ? { paths: () => null } : {}),
          })),
        ],
      },
      [props.x, ...props.series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    el.dataset.renderMs = (performance.now() - started).toFixed(1);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props]);
  return (
    <div ref={box} className="uplot-box" role="img" aria-label={props.description} data-testid="chart" />
  );
}
