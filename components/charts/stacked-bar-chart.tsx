import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStack, LinePath } from '@visx/shape';
import { chartIds } from './chart-figure';
import styles from './charts.module.css';
import { AXIS_COLOR, LIMIT_COLOR } from './palette';

/** Drawn at this size; the SVG scales to its box, so at 390 px its text stays about this size. */
const WIDTH = 360;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 48 };

export type StackSeries = { key: string; label: string; color: string };

/** A tick label as plain SVG text: no measuring, nothing a server render cannot do. */
export function TickLabel({ x, y, formattedValue, textAnchor = 'middle', dy }: TickRendererProps) {
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} fontSize={10} fill={AXIS_COLOR}>
      {formattedValue}
    </text>
  );
}

/**
 * Columns stacked by series over categories (months, days), with an optional level drawn across
 * them (the units' monthly limit). Drawn on the server with visx; the SVG's name and description
 * are the figure's title and text summary.
 */
export function StackedBarChart({
  id,
  categories,
  categoryLabel,
  series,
  values,
  formatValue,
  level,
  tickEvery = 1,
}: {
  id: string;
  categories: readonly string[];
  categoryLabel: (category: string) => string;
  series: readonly StackSeries[];
  values: readonly Record<string, number>[];
  formatValue: (value: number) => string;
  /** A level drawn across every column, such as a limit. */
  level?: number;
  /** Label every n-th category only, so thirty days stay legible on a phone. */
  tickEvery?: number;
}) {
  const ids = chartIds(id);
  const data = categories.map((category, i) => ({ category, ...values[i] }));
  const totals = values.map((row) => series.reduce((sum, s) => sum + (row[s.key] ?? 0), 0));
  const max = Math.max(1, level ?? 0, ...totals);
  const xScale = scaleBand<string>({
    domain: [...categories],
    range: [0, WIDTH - MARGIN.left - MARGIN.right],
    padding: 0.2,
  });
  const yScale = scaleLinear<number>({ domain: [0, max], range: [HEIGHT - MARGIN.top - MARGIN.bottom, 0], nice: true });
  const colors = new Map(series.map((s) => [s.key, s.color]));
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${ids.title} ${ids.summary}`}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <BarStack
          data={data}
          keys={series.map((s) => s.key)}
          x={(d) => d.category}
          xScale={xScale}
          yScale={yScale}
          color={(key) => colors.get(String(key)) ?? AXIS_COLOR}
          value={(d, key) => Number((d as Record<string, unknown>)[key] ?? 0)}
        >
          {(stacks) =>
            stacks.flatMap((stack) =>
              stack.bars
                .filter((bar) => bar.height > 0)
                .map((bar) => (
                  <rect
                    key={`${stack.key}-${bar.index}`}
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    fill={bar.color}
                  />
                )),
            )
          }
        </BarStack>
        {level !== undefined && level > 0 && (
          <LinePath
            data={[0, WIDTH - MARGIN.left - MARGIN.right]}
            x={(at) => at}
            y={() => yScale(level)}
            stroke={LIMIT_COLOR}
            strokeWidth={2}
            strokeDasharray="5 3"
          />
        )}
        <AxisLeft
          scale={yScale}
          numTicks={4}
          tickFormat={(value) => formatValue(Number(value))}
          stroke={AXIS_COLOR}
          tickStroke={AXIS_COLOR}
          tickComponent={(props) => <TickLabel {...props} textAnchor="end" dy="0.33em" />}
        />
        <AxisBottom
          top={HEIGHT - MARGIN.top - MARGIN.bottom}
          scale={xScale}
          tickValues={categories.filter((_, i) => i % tickEvery === (categories.length - 1) % tickEvery)}
          tickFormat={(category) => categoryLabel(String(category))}
          stroke={AXIS_COLOR}
          tickStroke={AXIS_COLOR}
          tickComponent={(props) => <TickLabel {...props} dy="0.71em" />}
        />
      </Group>
    </svg>
  );
}
