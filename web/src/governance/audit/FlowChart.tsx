import { useId } from 'react';
import { useLocale } from '../../i18n/LocaleProvider.js';
import { format, useMessages } from '../../i18n/messages.js';
import type { StatPoint } from '../governance-api.js';
import { auditMessages } from './audit-messages.js';

/** Distinct at AA contrast against white, in an order that keeps neighbours apart. */
const COLOURS = ['#0b5e4a', '#1a56db', '#a4161a', '#8a4b00', '#6b21a8', '#0f766e', '#4a5360', '#b4235a'];
const WIDTH = 640;
const HEIGHT = 240;
const AXIS = 32;

/**
 * Flows per time bucket, stacked by the dimension's values: a plain SVG whose figures are also given in a table,
 * for screen readers and for whoever prefers numbers.
 */
export function FlowChart({ points, title }: { points: StatPoint[]; title: string }) {
  const t = useMessages(auditMessages);
  const { formatDate, dir } = useLocale();
  const id = useId();
  if (points.length === 0) return <p className="muted">{t.noFlows}</p>;

  const buckets = [...new Set(points.map((p) => p.at))].sort();
  const keys = [...new Set(points.map((p) => p.key))].sort();
  const count = (at: string, key: string) => points.find((p) => p.at === at && p.key === key)?.flows ?? 0;
  const totals = buckets.map((at) => keys.reduce((sum, key) => sum + count(at, key), 0));
  const max = Math.max(...totals, 1);
  const total = totals.reduce((a, b) => a + b, 0);
  const slot = (WIDTH - AXIS) / buckets.length;
  const barWidth = Math.max(4, Math.min(48, slot * 0.7));
  const label = (at: string) => formatDate(at, { dateStyle: 'short' });
  // In Arabic time runs right to left, as the page does.
  const xOf = (i: number) => {
    const x = AXIS + i * slot + (slot - barWidth) / 2;
    return dir === 'rtl' ? AXIS + WIDTH - x - barWidth : x;
  };
  const summary = format(t.chartSummary, {
    total,
    from: label(buckets[0]!),
    to: label(buckets.at(-1)!),
    keys: keys.length,
  });

  return (
    <figure className="flow-chart stack">
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong> <span className="muted">{summary}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 24}`}
        role="img"
        aria-labelledby={`${id}-title`}
        data-testid="flow-chart"
      >
        <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="axis" />
        <text x={AXIS - 4} y={12} textAnchor="end" className="tick">
          {max}
        </text>
        <text x={AXIS - 4} y={HEIGHT} textAnchor="end" className="tick">
          0
        </text>
        {buckets.map((at, i) => {
          let top = HEIGHT;
          return (
            <g key={at}>
              {keys.map((key, k) => {
                const height = (count(at, key) / max) * (HEIGHT - 16);
                top -= height;
                return height > 0 ? (
                  <rect
                    key={key}
                    x={xOf(i)}
                    y={top}
                    width={barWidth}
                    height={height}
                    fill={COLOURS[k % COLOURS.length]}
                  >
                    <title>{`${label(at)} — ${key}: ${count(at, key)}`}</title>
                  </rect>
                ) : null;
              })}
              {(buckets.length <= 10 || i % Math.ceil(buckets.length / 10) === 0) && (
                <text x={xOf(i) + barWidth / 2} y={HEIGHT + 18} textAnchor="middle" className="tick">
                  {label(at)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend row" aria-hidden="true">
        {keys.map((key, k) => (
          <li key={key}>
            <svg className="swatch" viewBox="0 0 1 1">
              <rect width="1" height="1" fill={COLOURS[k % COLOURS.length]} />
            </svg>
            {key}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t.tableAlternative}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                {keys.map((key) => (
                  <th key={key} scope="col">
                    {key}
                  </th>
                ))}
                <th scope="col">{t.total}</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((at, i) => (
                <tr key={at}>
                  <th scope="row">{label(at)}</th>
                  {keys.map((key) => (
                    <td key={key}>{count(at, key)}</td>
                  ))}
                  <td>{totals[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
