// A district's profile: every indicator and basis it reports, its years, and
// its rank among the districts reporting the same indicator and basis.
import type { Meta } from '../../dataset/meta.ts';
import type { DataObservation, RankRow } from '../../domain/obs-file.ts';
import { basesOf, pointsFor, unranked, type Point } from '../../domain/select.ts';
import type { Indicator } from '../../domain/types.ts';

export interface ProfileEntry {
  indicator: Indicator;
  basis: string;
  points: Point[];
  latest: Point;
  /** Rank of the latest value among districts' latest values (tiedWith: how many share it); null when unknown or unranked. */
  rank: { rank: number; n: number; tiedWith: number } | null;
  /** The latest value's basis is in doubt: it has no rank by design. */
  unranked: boolean;
}

/** Entries of a district's profile; ranks come from the build's precomputed table (null while loading). */
export function profileEntries(district: string, own: DataObservation[], ranks: RankRow[] | null, meta: Meta): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  const order = meta.bases.map((b) => b.id);
  const rankOf = new Map((ranks ?? []).map((r) => [`${r[0]}|${r[1]}`, r]));
  for (const indicator of meta.indicators) {
    for (const { basis } of basesOf(own, indicator.id, order)) {
      const points = pointsFor(own, { indicator: indicator.id, basis, districts: [district] });
      if (points.length === 0) continue;
      const latest = points[points.length - 1]!;
      const r = rankOf.get(`${indicator.id}|${basis}`);
      // A rank stands only for the value it was computed from (not, say, an imported one drawn instead).
      const rank: ProfileEntry['rank'] = r && r[2] === latest.year && r[3] === latest.value ? { rank: r[4], n: r[5], tiedWith: r[6] ?? 1 } : null;
      out.push({ indicator, basis, points, latest, rank, unranked: unranked(latest.obs) });
    }
  }
  return out;
}
