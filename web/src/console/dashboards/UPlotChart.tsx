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
          x: { time: props.time },
          ...(props.yRange ? { y: { range: props.yRange } } : {}),
        },
        axes: [{ label: props.xLabel }, { label: props.yLabel }],
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
