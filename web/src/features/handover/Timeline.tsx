/**
 * @module The handover plan per sector over the period: the day the other side withdraws, the
 * units deployed (one bar each, with strength), and under each row what the check found —
 * vacuums in red. Everything in the drawing is also in the findings table below it.
 */
import { useTranslation } from 'react-i18next';
import { useWidth } from '../../components/useWidth.ts';
import { dirOf } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/format.ts';
import type { Contribution } from '../force/queries.ts';
import type { Deployment, Finding, Milestone, Sector } from '../force/queries.ts';
import { dayNumber, laneBars } from './timeline.ts';

const LABEL_W = 130;
const LANE_H = 16;
const FINDING_H = 10;
const ROW_GAP = 14;
const AXIS_H = 22;

interface Props {
  from: string;
  to: string;
  sectors: readonly Sector[];
  milestones: readonly Milestone[];
  deployments: readonly Deployment[];
  contributions: readonly Contribution[];
  findings: readonly Finding[];
}

export function Timeline({ from, to, sectors, milestones, deployments, contributions, findings }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [box, measured] = useWidth<HTMLDivElement>(960);
  const W = Math.max(480, measured);
  const rtl = dirOf(f.lang) === 'rtl';
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  const span = W - LABEL_W - 16;
  const x = (day: number) => {
    const r = (day - lo) / Math.max(1, hi - lo + 1);
    return rtl ? W - LABEL_W - r * span : LABEL_W + r * span;
  };
  const width = (first: number, last: number) => Math.max(2, Math.abs(x(last + 1) - x(first)));
  const left = (first: number, last: number) => Math.min(x(first), x(last + 1));
  const orgOf = new Map(contributions.map((c) => [c.id, c.organisationName]));

  const rows = sectors.map((s) => {
    const bars = laneBars(
      deployments.filter((d) => d.sectorId === s.id),
      lo,
      hi,
    );
    const lanes = Math.max(1, ...bars.map((b) => b.lane + 1));
    return { sector: s, bars, lanes, height: lanes * LANE_H + FINDING_H + 8 };
  });
  let y = AXIS_H;
  const placed = rows.map((r) => {
    const top = y;
    y += r.height + ROW_GAP;
    return { ...r, top };
  });
  const H = y;
  const months: number[] = [];
  for (let d = lo; d <= hi; d++) if (new Date(d * 86_400_000).getUTCDate() === 1) months.push(d);
  const every = Math.max(1, Math.ceil(months.length / Math.max(1, Math.floor(span / 64))));
  const labelX = rtl ? W - 8 : 8;

  return (
    <figure className="timeline" data-testid="handover-timeline">
      <figcaption className="force-chart__title">
        {t('handoverUi.timelineTitle', { from: f.date(from), to: f.date(to) })}
      </figcaption>
      <div ref={box} className="force-chart__box">
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t('handoverUi.timelineLabel', { n: findings.length })}
          direction={rtl ? 'rtl' : 'ltr'}
        >
          {months
            .filter((_, i) => i % every === 0)
            .map((d) => (
              <g key={d} className="force-chart__tick">
                <line x1={x(d)} x2={x(d)} y1={AXIS_H - 4} y2={H} />
                <text x={x(d)} y={14} textAnchor="middle" className="gap-chart__month">
                  {f.month(new Date(d * 86_400_000).toISOString().slice(0, 10))}
                </text>
              </g>
            ))}
          {placed.map(({ sector, bars, lanes, top }) => {
            const withdrawals = milestones
              .filter((m) => m.sectorId === sector.id)
              .map((m) => dayNumber(m.at))
              .filter((d) => d >= lo && d <= hi);
            const findingTop = top + lanes * LANE_H + 4;
            const mine = findings.filter((x) => x.sectorId === sector.id);
            return (
              <g key={sector.id} data-testid="timeline-row" data-sector={sector.name}>
                <text x={labelX} y={top + 12} textAnchor="start" className="timeline__label">
                  {sector.name}
                </text>
                {bars.map((b) => (
                  <g key={b.deployment.id} data-testid="timeline-deployment">
                    <rect
                      x={left(b.first, b.last)}
                      y={top + b.lane * LANE_H}
                      width={width(b.first, b.last)}
                      height={LANE_H - 3}
                      className="timeline__bar"
                      rx={2}
                    >
                      <title>
                        {t('handoverUi.barTitle', {
                          org: orgOf.get(b.deployment.contributionId) ?? '',
                          n:
                            b.deployment.strength === null
                              ? t('contributions.restricted')
                              : f.number(b.deployment.strength),
                          from: f.date(b.deployment.from),
                          to: b.deployment.restricted.includes('to')
                            ? t('contributions.restricted')
                            : b.deployment.to
                              ? f.date(b.deployment.to)
                              : '…',
                        })}
                      </title>
                    </rect>
                  </g>
                ))}
                {mine.map((fd, i) => {
                  const first = Math.max(lo, dayNumber(fd.from));
                  const last = Math.min(hi, dayNumber(fd.to));
                  return (
                    <rect
                      key={i}
                      x={left(first, last)}
                      y={findingTop}
                      width={width(first, last)}
                      height={FINDING_H}
                      className={`timeline__finding timeline__finding--${fd.kind}`}
                      data-testid={`finding-${fd.kind}`}
                    >
                      <title>{`${t(`handoverUi.kind.${fd.kind}`)}: ${f.date(fd.from)} – ${f.date(fd.to)}`}</title>
                    </rect>
                  );
                })}
                {withdrawals.map((d) => (
                  <g key={d} className="timeline__withdrawal">
                    <line x1={x(d)} x2={x(d)} y1={top - 4} y2={findingTop + FINDING_H + 2} />
                    <title>
                      {t('handoverUi.withdrawalOn', {
                        date: f.date(new Date(d * 86_400_000).toISOString().slice(0, 10)),
                      })}
                    </title>
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="gap-chart__legend">
        {(['vacuum', 'understrength', 'overcommitted', 'unconfirmed', 'unconsented'] as const).map((k) => (
          <li key={k}>
            <svg width="18" height="10" aria-hidden="true" focusable="false">
              <rect width="18" height="10" className={`timeline__finding timeline__finding--${k}`} />
            </svg>
            <span>{t(`handoverUi.kind.${k}`)}</span>
          </li>
        ))}
        <li>
          <svg width="18" height="10" aria-hidden="true" focusable="false">
            <rect width="18" height="10" className="timeline__bar" />
          </svg>
          <span>{t('handoverUi.legendDeployment')}</span>
        </li>
        <li>
          <svg width="18" height="10" aria-hidden="true" focusable="false" className="timeline__withdrawal">
            <line x1="9" x2="9" y1="0" y2="10" />
          </svg>
          <span>{t('handoverUi.legendWithdrawal')}</span>
        </li>
      </ul>
    </figure>
  );
}
