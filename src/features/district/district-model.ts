// A district's profile: every indicator and basis it reports, its years, and
// its rank among the districts reporting the same indicator and basis.
import type { Meta } from '../../dataset/meta.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { barsFor, basesOf, pointsFor, type Point } from '../../domain/select.ts';
import type { Indicator } from '../../domain/types.ts';

export interface ProfileEntry {
  indicator: Indicator;
  basis: string;
  points: Point[];
  latest: Point;
  /** Rank of the latest value among districts' latest values; null when unknown. */
  rank: { rank: number; n: number } | null;
}

export function profileEntries(district: string, own: DataObservation[], all: DataObservation[] | null, meta: Meta): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  const order = meta.bases.map((b) => b.id);
  for (const indicator of meta.indicators) {
    for (const { basis } of basesOf(own, indicator.id, order)) {
      const points = pointsFor(own, { indicator: indicator.id, basis, districts: [district] });
      if (points.length === 0) continue;
      const latest = points[points.length - 1]!;
      let rank: ProfileEntry['rank'] = null;
      if (all) {
        const everyone = pointsFor(all, { indicator: indicator.id, basis, districts: null });
        const ds = [...new Set(everyone.map((p) => p.district))];
        const { bars } = barsFor(everyone, ds, { mode: 'latest' }, indicator);
        const mine = bars.find((b) => b.district === district);
        if (mine) rank = { rank: mine.rank, n: bars.length };
      }
      out.push({ indicator, basis, points, latest, rank });
    }
  }
  return out;
}
