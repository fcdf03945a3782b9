/**
 * @module Strength by readiness and the gap over time, in plain SVG: one line per class so a
 * pledge is never drawn on top of deployed strength, the requirement as a dashed line, the gap
 * in red. Time runs in the reading direction (right to left in Arabic and Hebrew).
 */
import { useTranslation } from 'react-i18next';
import { useWidth } from '../../components/useWidth.ts';
import { dirOf } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/format.ts';
import { tickStep } from './summary.ts';
import type { SeriesPoint } from './queries.ts';

const SERIES = ['required', 'deployed', 'confirmed', 'pledged', 'gap'] as const;
const H = 260;
const PAD = { top: 16, bottom: 28, side: 56 };

export function GapChart({ points }: { points: readonly SeriesPoint[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [box, measured] = useWidth<HTMLDivElement>(960);
  const W = Math.max(320, measured);
  const rtl = dirOf(f.lang) === 'rtl';
  if (points.length === 0) return <p className="empty">{t('forceUi.noSeries')}</p>;
  const top = Math.max(1, ...points.flatMap((p) => SERIES.map((s) => p[s])));
  const step = tickStep(top);
  const max = Math.ceil(top / step) * step;
  const span = W - 2 * PAD.side;
  const x = (i: number) => {
    const r = points.length === 1 ? 0 : i / (points.length - 1);
    return rtl ? W - PAD.side - r * span : PAD.side + r * span;
  };
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  const months = points.map((p, i) => ({ p, i })).filter(({ p }) => p.on.endsWith('-01'));
  const monthEvery = Math.max(1, Math.ceil(months.length / Math.max(1, Math.floor(span / 70))));
  const last = points[points.length - 1]!;
  const describe = t('forceUi.chartSummary', {
    from: f.date(points[0]!.on),
    to: f.date(last.on),
    required: f.number(last.required),
    deployed: f.number(last.deployed),
    gap: f.number(last.gap),
  });
  return (
    <figure className="gap-chart" data-testid="gap-chart">
      <figcaption className="force-chart__title">{t('forceUi.chartTitle')}</figcaption>
      <div ref={box} className="force-chart__box">
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={describe}
          direction={rtl ? 'rtl' : 'ltr'}
        >
          {ticks.map((v) => (
            <g key={v} className="force-chart__tick">
              <line x1={PAD.side} x2={W - PAD.side} y1={y(v)} y2={y(v)} />
              <text x={rtl ? W - PAD.side + 6 : PAD.side - 6} y={y(v) + 4} textAnchor="end">
                {f.number(v)}
              </text>
            </g>
          ))}
          {months
            .filter((_, k) => k % monthEvery === 0)
            .map(({ p, i }) => (
              <text key={p.on} x={x(i)} y={H - 8} textAnchor="middle" className="gap-chart__month">
                {f.month(p.on)}
              </text>
            ))}
          {SERIES.map((s) => (
            <polyline
              key={s}
              className={`gap-line gap-line--${s}`}
              fill="none"
              points={points.map((p, i) => `${x(i).toFixed(1)},${y(p[s]).toFixed(1)}`).join(' ')}
            />
          ))}
        </svg>
      </div>
      <ul className="gap-chart__legend">
        {SERIES.map((s) => (
          <li key={s}>
            <svg width="24" height="10" aria-hidden="true" focusable="false">
              <line x1="0" x2="24" y1="5" y2="5" className={`gap-line gap-line--${s}`} />
            </svg>
            <span>{t(`forceUi.series.${s}`)}</span>
            <span className="num">{f.number(last[s])}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
