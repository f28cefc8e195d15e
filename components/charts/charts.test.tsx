import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from './chart-figure';
import { HorizontalBarChart } from './horizontal-bar-chart';
import { seriesColor } from './palette';
import { StackedBarChart } from './stacked-bar-chart';

/**
 * The charts render to static markup — what a Server Component sends — with no browser, no
 * effects and no client JavaScript: an SVG that scales (viewBox), named by the figure's title and
 * summary, with visx's bars in it.
 */
describe('charts drawn on the server', () => {
  it('stacks columns by series, with the level drawn across', () => {
    const html = renderToStaticMarkup(
      <StackedBarChart
        id="spend"
        categories={['2026-01', '2026-02', '2026-03']}
        categoryLabel={(c) => c.slice(5)}
        series={[
          { key: 'a', label: 'Plant', color: seriesColor(0) },
          { key: 'b', label: 'Office', color: seriesColor(1) },
        ]}
        values={[
          { a: 100, b: 50 },
          { a: 0, b: 0 },
          { a: 200, b: 100 },
        ]}
        formatValue={(v) => `$${v}`}
        level={250}
      />,
    );
    expect(html).toMatch(
      /^<svg[^>]*viewBox="0 0 360 220"[^>]*role="img"[^>]*aria-labelledby="spend-title spend-summary"/,
    );
    expect(html).not.toMatch(/<svg[^>]*\swidth="/); // sized by CSS (width 100%), never a fixed width
    // Four non-empty bars (empty months draw nothing), in the series' colours.
    expect(html.match(/<rect /g)).toHaveLength(4);
    expect(html.match(new RegExp(`fill="${seriesColor(1)}"`, 'g'))).toHaveLength(2);
    expect(html).toContain('stroke-dasharray="5 3"');
    expect(html).toContain('>03</text>');
    expect(html).toContain('$300');
  });

  it('labels only every n-th category when asked, always the last', () => {
    const days = Array.from({ length: 10 }, (_, i) => `d${i}`);
    const html = renderToStaticMarkup(
      <StackedBarChart
        id="days"
        categories={days}
        categoryLabel={(c) => c}
        series={[{ key: 'x', label: 'X', color: seriesColor(0) }]}
        values={days.map(() => ({ x: 1 }))}
        formatValue={String}
        tickEvery={3}
      />,
    );
    expect([...html.matchAll(/>(d\d)<\/text>/g)].map((m) => m[1])).toEqual(['d0', 'd3', 'd6', 'd9']);
  });

  it('draws one named bar per row with its figure, and a backdrop when given', () => {
    const html = renderToStaticMarkup(
      <HorizontalBarChart
        id="credit"
        rows={[
          { label: 'Northwind', value: 30, backdrop: 100, valueLabel: '30 %' },
          { label: 'Contoso', value: 0, valueLabel: '0 %' },
        ]}
      />,
    );
    expect(html).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="credit-title credit-summary"/);
    expect(html).toContain('>Northwind</text>');
    expect(html).toContain('>30 %</text>');
    expect(html.match(/<rect /g)).toHaveLength(3);
  });

  it('wraps a chart with its title, summary, legend and a table behind a native disclosure', () => {
    const html = renderToStaticMarkup(
      <ChartFigure
        id="outcomes"
        title="Orders by approval outcome"
        summary="12 orders: 9 approved, 3 declined."
        legend={[{ label: 'Approved', color: seriesColor(0) }]}
        table={{
          columns: ['Outcome', 'Orders'],
          rows: [
            ['Approved', '9'],
            ['Declined', '3'],
          ],
        }}
      >
        <svg />
      </ChartFigure>,
    );
    expect(html).toContain('<h2 id="outcomes-title">Orders by approval outcome</h2>');
    expect(html).toContain('id="outcomes-summary"');
    expect(html).toMatch(/<details[^>]*><summary>Show as table<\/summary>/);
    expect(html).toContain('<td data-label="Outcome">Declined</td>');
    expect(html).not.toContain('<script');
  });
});
