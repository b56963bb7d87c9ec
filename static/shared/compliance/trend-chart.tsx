/**
 * The monthly trend: on time for resolution and first response per month, as grouped bars drawn
 * with visx (SVG; docs/adr/0022-charting-library.md), and the same figures as a table — the
 * accessible alternative, one click away, and always printed. The SVG is an image with a text
 * summary of every month for screen readers. Colours are design tokens, so light and dark work.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { token } from '@atlaskit/tokens';
import type { TrendPoint } from '../../../src/contract/compliance-api';
import { monthLabel, percentText, type ComplianceI18n } from './compliance-i18n';
import { tableStyle, thStyle, tdNumStyle, tdStyle } from './table-styles';

export interface TrendChartProps {
  i18n: ComplianceI18n;
  points: readonly TrendPoint[];
  /** A level's objective to draw as a line, when one level is in view. */
  objectivePercent?: number | null;
  testId: string;
  /** Start with the table (the print view always shows it). */
  initialView?: 'chart' | 'table';
}

const WIDTH = 640;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 44 };

const colours = {
  resolution: token('color.chart.blue.bold'),
  response: token('color.chart.teal.bold'),
  objective: token('color.chart.orange.bold'),
  grid: token('color.border'),
  text: token('color.text.subtle'),
};

export function TrendChart({ i18n, points, objectivePercent = null, testId, initialView = 'chart' }: TrendChartProps) {
  const { t, locale } = i18n;
  const [view, setView] = useState(initialView);
  const titleId = useId();
  const tableId = useId();
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: points.map((p) => p.month), range: [0, innerWidth], padding: 0.25 });
  const inner = scaleBand<string>({ domain: ['resolution', 'response'], range: [0, x.bandwidth()], padding: 0.1 });
  const y = scaleLinear<number>({ domain: [0, 100], range: [innerHeight, 0] });
  const summary = points
    .map((p) =>
      p.figures.onTimePercent === null
        ? t('compliance.trend.pointEmpty', { month: monthLabel(locale, p.month) })
        : t('compliance.trend.point', { month: monthLabel(locale, p.month), percent: percentText(i18n, p.figures.onTimePercent) }),
    )
    .join('; ');

  return (
    <figure data-testid={testId} data-view={view} style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100'), flexWrap: 'wrap' }}>
        <figcaption style={{ font: token('font.heading.xsmall'), color: token('color.text') }}>{t('compliance.trend.title')}</figcaption>
        <span className="cc-no-print">
          <Button
            appearance="subtle"
            spacing="compact"
            aria-controls={tableId}
            aria-expanded={view === 'table'}
            onClick={() => {
              setView(view === 'chart' ? 'table' : 'chart');
            }}
            testId={`${testId}-toggle`}
          >
            {view === 'chart' ? t('compliance.trend.showTable') : t('compliance.trend.showChart')}
          </Button>
        </span>
      </div>
      {view === 'chart' ? (
        <div className="cc-trend-chart">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} style={{ display: 'block', maxHeight: 260 }}>
            <title id={titleId}>{t('compliance.trend.chartLabel', { summary })}</title>
            <Group left={MARGIN.left} top={MARGIN.top}>
              {[0, 25, 50, 75, 100].map((tick) => (
                <Line key={tick} from={{ x: 0, y: y(tick) }} to={{ x: innerWidth, y: y(tick) }} stroke={colours.grid} strokeWidth={1} />
              ))}
              {points.map((point) => {
                const x0 = x(point.month) ?? 0;
                const bars: { key: 'resolution' | 'response'; value: number | null }[] = [
                  { key: 'resolution', value: point.figures.onTimePercent },
                  { key: 'response', value: point.figures.responsePercent },
                ];
                return bars.map((bar) =>
                  bar.value === null ? null : (
                    <Bar
                      key={`${point.month}-${bar.key}`}
                      data-testid={`${testId}-bar`}
                      x={x0 + (inner(bar.key) ?? 0)}
                      y={y(bar.value)}
                      width={inner.bandwidth()}
                      height={innerHeight - y(bar.value)}
                      fill={colours[bar.key]}
                      rx={2}
                    />
                  ),
                );
              })}
              {objectivePercent === null ? null : (
                <Line from={{ x: 0, y: y(objectivePercent) }} to={{ x: innerWidth, y: y(objectivePercent) }} stroke={colours.objective} strokeWidth={2} strokeDasharray="6 4" />
              )}
              {/* Axis labels: five fixed percentages and one label per month (a full axis module would cost 6 kB). */}
              {[0, 25, 50, 75, 100].map((tick) => (
                <text key={tick} x={-6} y={y(tick)} dy={4} textAnchor="end" fontSize={11} fill={colours.text}>
                  {`${String(tick)}%`}
                </text>
              ))}
              {points.map((point) => (
                <text key={point.month} x={(x(point.month) ?? 0) + x.bandwidth() / 2} y={innerHeight + 18} textAnchor="middle" fontSize={11} fill={colours.text}>
                  {monthLabel(locale, point.month)}
                </text>
              ))}
            </Group>
          </svg>
          <div aria-hidden="true" style={{ display: 'flex', gap: token('space.200'), font: token('font.body.small'), color: token('color.text.subtle') }}>
            <Legend colour={colours.resolution} label={t('compliance.trend.legendResolution')} />
            <Legend colour={colours.response} label={t('compliance.trend.legendResponse')} />
            {objectivePercent === null ? null : <Legend colour={colours.objective} label={`${t('compliance.objective')} ${percentText(i18n, objectivePercent)}`} />}
          </div>
        </div>
      ) : null}
      {/* The table is always in the document: shown on request, and always printed. */}
      <table id={tableId} className="cc-print-show" hidden={view !== 'table'} data-testid={`${testId}-table`} style={tableStyle}>
        <thead>
          <tr>
            <th style={thStyle} scope="col">{t('compliance.trend.month')}</th>
            <th style={thStyle} scope="col">{t('compliance.resolved')}</th>
            <th style={thStyle} scope="col">{t('compliance.missed')}</th>
            <th style={thStyle} scope="col">{t('compliance.onTime')}</th>
            <th style={thStyle} scope="col">{t('compliance.firstResponse')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.month}>
              <th style={tdStyle} scope="row">{monthLabel(locale, point.month, 'long')}</th>
              <td style={tdNumStyle}>{point.figures.resolved}</td>
              <td style={tdNumStyle}>{point.figures.missed}</td>
              <td style={tdNumStyle}>{percentText(i18n, point.figures.onTimePercent)}</td>
              <td style={tdNumStyle}>{percentText(i18n, point.figures.responsePercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Legend({ colour, label }: { colour: string; label: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
      <span style={{ width: 10, height: 10, borderRadius: 2, background: colour, display: 'inline-block' }} />
      {label}
    </span>
  );
}
