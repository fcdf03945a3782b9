/**
 * @module Personnel by readiness stage against the force ceiling, in plain SVG. Deployed strength
 * and the pledges behind it are drawn on separate bars sharing one scale, so a pledge can never
 * be read as strength. The bars grow from the inline start: right to left in Arabic and Hebrew.
 */
import { useTranslation } from 'react-i18next';
import { useWidth } from '../../components/useWidth.ts';
import { dirOf } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/format.ts';
import { CHART_STAGES, forceAxis, PIPELINE_STAGES, type ChartStage, type ForceSummary } from './summary.ts';

/** Narrowest drawing; below this the figure scrolls sideways rather than squeezing labels. */
const MIN_W = 300;
/** Tick labels closer than this (px) would collide, so only every n-th is written. */
const MIN_LABEL_GAP = 64;
// Room for the first and last tick labels, which are centred on their ticks.
const PAD = 32;
const BAR_H = 26;
const ROW_H = 62;
const TOP = 32;
/** Gap from a row's label baseline to its bar. */
const BAR_Y = 20;
const ROWS: { key: 'rowDeployed' | 'rowPledged' | 'rowInterest'; stages: readonly ChartStage[] }[] = [
  { key: 'rowDeployed', stages: ['deployed'] },
  { key: 'rowPledged', stages: PIPELINE_STAGES },
  { key: 'rowInterest', stages: ['interest'] },
];
const HEIGHT = TOP + ROWS.length * ROW_H + 28;

export function ForceChart({ summary }: { summary: ForceSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [box, measured] = useWidth<HTMLDivElement>(960);
  const W = Math.max(MIN_W, measured);
  const rtl = dirOf(f.lang) === 'rtl';
  const axis = forceAxis(summary);
  const span = W - 2 * PAD;
  const labelEvery = Math.max(1, Math.ceil(MIN_LABEL_GAP / (span / Math.max(1, axis.ticks.length - 1))));
  // Distance along the bar -> x, mirrored for right-to-left languages.
  const x = (v: number) => (rtl ? W - PAD - (v / axis.max) * span : PAD + (v / axis.max) * span);
  const ceilingX = x(summary.ceiling);
  const describe = t('force.summary', {
    deployed: f.number(summary.deployed),
    ceiling: f.number(summary.ceiling),
    pledged: f.number(summary.pledged),
    interest: f.number(summary.interest),
  });

  return (
    <figure className="force-chart" data-testid="force-chart">
      <figcaption className="force-chart__title">{t('force.chartTitle')}</figcaption>
      {/* With direction set, text-anchor start/end follow the reading direction, so anchors are
          written once and the labels still extend inwards from the mirrored coordinates. */}
      <div ref={box} className="force-chart__box">
        <svg
          width={W}
          height={HEIGHT}
          viewBox={`0 0 ${W} ${HEIGHT}`}
          role="img"
          aria-label={describe}
          className="force-chart__svg"
          direction={rtl ? 'rtl' : 'ltr'}
        >
          <defs>
            <pattern
              id="hatch-pledged"
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="8" height="8" className="hatch-bg hatch-bg--pledged" />
              <line x1="0" y1="0" x2="0" y2="8" className="hatch-line" />
            </pattern>
            <pattern
              id="hatch-interest"
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(-45)"
            >
              <rect width="8" height="8" className="hatch-bg hatch-bg--interest" />
              <line x1="0" y1="0" x2="0" y2="8" className="hatch-line hatch-line--grey" />
            </pattern>
          </defs>
          {axis.ticks.map((v, i) => (
            <g key={v} className="force-chart__tick">
              <line x1={x(v)} x2={x(v)} y1={TOP - 6} y2={HEIGHT - 24} />
              {i % labelEvery === 0 && (
                <text x={x(v)} y={HEIGHT - 6} textAnchor="middle">
                  {f.number(v)}
                </text>
              )}
            </g>
          ))}
          {ROWS.map((row, i) => {
            const y = TOP + i * ROW_H;
            const total = row.stages.reduce((sum, s) => sum + summary.byStage[s], 0);
            let offset = 0;
            return (
              <g key={row.key}>
                <text x={x(0)} y={y + 14} textAnchor="start" className="force-chart__label">
                  {t(`force.${row.key}`, { n: f.number(total) })}
                </text>
                <rect x={PAD} y={y + BAR_Y} width={span} height={BAR_H} className="force-chart__track" />
                {row.stages.map((s) => {
                  const v = summary.byStage[s];
                  const a = x(offset);
                  offset += v;
                  const b = x(offset);
                  if (v <= 0) return null;
                  return (
                    <rect
                      key={s}
                      x={Math.min(a, b)}
                      y={y + BAR_Y}
                      width={Math.abs(b - a)}
                      height={BAR_H}
                      className={`force-chart__seg seg--${s}`}
                    >
                      <title>{`${t(`enum.status.${s}`)}: ${f.number(v)}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
          <line x1={ceilingX} x2={ceilingX} y1={TOP - 10} y2={HEIGHT - 24} className="force-chart__ceiling" />
          <text
            x={ceilingX}
            y={TOP - 16}
            textAnchor={summary.ceiling / axis.max > 0.8 ? 'end' : 'middle'}
            className="force-chart__ceiling-label"
          >
            {t('force.ceilingMark', { n: f.number(summary.ceiling) })}
          </text>
        </svg>
      </div>
      <Legend summary={summary} />
    </figure>
  );
}

/** The legend carries every figure as text, so nothing depends on telling colours apart. */
function Legend({ summary }: { summary: ForceSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="force-chart__legend">
      <h3 className="visually-hidden">{t('force.legend')}</h3>
      <ul>
        {CHART_STAGES.map((s) => (
          <li key={s}>
            <svg width="16" height="16" aria-hidden="true" focusable="false" className="force-chart__swatch">
              <rect width="16" height="16" className={`seg--${s}`} />
            </svg>
            <span>{t(`enum.status.${s}`)}</span>
            <span className="num">{f.number(summary.byStage[s])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
