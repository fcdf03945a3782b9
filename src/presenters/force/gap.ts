/** @module Gap reports to API shapes, and to CSV (HXL hashtags under the header, for humanitarian tools). */
import type { Gap, GapSeries } from '../../contract/force.ts';
import type { SeriesPoint } from '../../domain/force/gap.ts';
import type { NamedGapReport } from '../../services/force/gap.ts';
import { csvLine } from '../csv.ts';

export function presentGap(r: NamedGapReport): Gap {
  return r;
}

export function presentGapSeries(points: SeriesPoint[]): GapSeries {
  return { points };
}

const COLUMNS = ['required', 'deployed', 'confirmed', 'pledged', 'interest', 'gap'] as const;

/** The gap table of one day: one row per capability, then one per sector. */
export function gapCsv(r: NamedGapReport): string {
  const lines = [
    ['date', 'scope', 'capability', 'sector', ...COLUMNS].join(','),
    [
      '#date',
      '#meta+scope',
      '#sector+capability',
      '#adm1+name',
      '#targeted+required',
      '#reached+deployed',
      '#reached+confirmed',
      '#reached+pledged',
      '#reached+interest',
      '#value+gap',
    ].join(','),
  ];
  for (const c of r.byCapability)
    lines.push(csvLine([r.on, 'capability', c.capability, '', ...COLUMNS.map((k) => c[k])]));
  for (const s of r.bySector) lines.push(csvLine([r.on, 'sector', '', s.sectorName, ...COLUMNS.map((k) => s[k])]));
  lines.push(csvLine([r.on, 'total', '', '', ...COLUMNS.map((k) => r.total[k])]));
  // Money in a block of its own: amounts in a currency, by FTS stage, never added to personnel.
  if (r.funding.length > 0) {
    lines.push(
      '',
      ['date', 'currency', 'pledged', 'committed', 'paid'].join(','),
      ['#date', '#currency+code', '#value+pledged', '#value+committed', '#value+paid'].join(','),
    );
    for (const m of r.funding) lines.push(csvLine([r.on, m.currency, m.pledged, m.committed, m.paid]));
  }
  return lines.join('\r\n') + '\r\n';
}
