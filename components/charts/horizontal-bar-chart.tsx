import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { chartIds } from './chart-figure';
import styles from './charts.module.css';
import { AXIS_COLOR, BACKDROP_COLOR, seriesColor } from './palette';

const WIDTH = 360;
/** Each row: its name on one line, the bar with its figure below — long names never squeeze the bars. */
const ROW_HEIGHT = 34;
const LABEL_HEIGHT = 13;
const BAR_HEIGHT = 14;
const VALUE_ROOM = 96;

export type HorizontalBar = {
  label: string;
  value: number;
  /** Drawn lighter behind the bar: the limit behind the amount used, the 90th percentile behind the median. */
  backdrop?: number;
  /** The figure written beside the bar. */
  valueLabel: string;
  color?: string;
};

/**
 * One bar per row, longest scale shared, each named above its bar and with its figure written
 * beside it, so it reads at 390 px without a legend. Drawn on the server with visx.
 */
export function HorizontalBarChart({ id, rows }: { id: string; rows: readonly HorizontalBar[] }) {
  const ids = chartIds(id);
  const height = Math.max(1, rows.length) * ROW_HEIGHT + 4;
  const max = Math.max(1, ...rows.map((row) => Math.max(row.value, row.backdrop ?? 0)));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, WIDTH - VALUE_ROOM] });
  const y = scaleBand<number>({ domain: rows.map((_, i) => i), range: [0, rows.length * ROW_HEIGHT] });
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${ids.title} ${ids.summary}`}
    >
      {rows.map((row, i) => {
        const top = y(i) ?? 0;
        const barTop = top + LABEL_HEIGHT + 3;
        return (
          <Group key={`${row.label}-${i}`} top={0}>
            <text x={0} y={top + LABEL_HEIGHT - 2} fontSize={11} fill="#1c1f24">
              {row.label}
            </text>
            {row.backdrop !== undefined && (
              <Bar x={0} y={barTop} width={x(row.backdrop)} height={BAR_HEIGHT} fill={BACKDROP_COLOR} />
            )}
            <Bar
              x={0}
              y={barTop}
              width={Math.max(row.value > 0 ? 1 : 0, x(row.value))}
              height={BAR_HEIGHT}
              fill={row.color ?? seriesColor(0)}
            />
            <text
              x={Math.max(x(row.value), x(row.backdrop ?? 0)) + 4}
              y={barTop + BAR_HEIGHT - 3}
              fontSize={10}
              fill={AXIS_COLOR}
            >
              {row.valueLabel}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}
