/**
 * Series colours, told apart with the common kinds of colour blindness (Okabe–Ito, darkened where
 * white text or a thin bar would not show). Every chart also names its series in a legend and has
 * a table, so no figure depends on colour alone.
 */
export const SERIES_COLORS = [
  '#1f4fd1',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#0072b2',
  '#d55e00',
  '#56b4e9',
  '#8a6d00',
  '#5b6270',
] as const;

export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length] ?? '#1f4fd1';

/** The lighter colour behind a bar: the limit behind what is used, the 90th percentile behind the median. */
export const BACKDROP_COLOR = '#c9d3e6';
export const AXIS_COLOR = '#5b6270';
export const LIMIT_COLOR = '#b42318';
