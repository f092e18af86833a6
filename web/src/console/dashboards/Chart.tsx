import { LazyScreen, screenChunk } from '../../app/lazy-screen.tsx';
import type { ChartProps } from './UPlotChart.tsx';

export type { ChartProps, ChartSeries } from './UPlotChart.tsx';

/** uPlot and the chart around it load on first use: the main bundle does not carry them. */
const chunk = screenChunk(() => import('./UPlotChart.tsx').then((m) => m.UPlotChart));

export function Chart(props: ChartProps) {
  return <LazyScreen chunk={chunk} props={props} />;
}

/** Colours of the series, in order; distinguishable for the common colour deficiencies. */
export const PALETTE = ['#1b6ca8', '#d1495b', '#2e933c', '#edae49', '#6c4f9c', '#00798c', '#8d6a4f'];

/** A UTC day (YYYY-MM-DD) as the x value of a time axis: seconds since the epoch. */
export const daySeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;
