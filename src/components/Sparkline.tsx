// A small line of one district's values over years: gaps stay gaps, derived
// values are hollow, doubtful ones are marked.
import type { Point } from '../domain/select.ts';

export function Sparkline({ points, width = 160, height = 52, label }: { points: Point[]; width?: number; height?: number; label: string }) {
  if (points.length === 0) return null;
  const years = points.map((p) => p.year);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const v = points.map((p) => p.value);
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  const pad = 6;
  // The year labels sit in a strip below the plot so that low points never cover them.
  const labelStrip = 11;
  const plotH = height - labelStrip;
  const x = (y: number) => (y1 === y0 ? width / 2 : pad + ((y - y0) / (y1 - y0)) * (width - 2 * pad));
  const yv = (val: number) => (hi === lo ? plotH / 2 : plotH - pad - ((val - lo) / (hi - lo)) * (plotH - 2 * pad));
  // Break the line wherever a year is missing.
  const runs: Point[][] = [];
  // And around a value whose basis is in doubt: joining it would draw a change of denominator as a change.
  const apart = (p: Point) => p.obs.flags.includes('basis_doubtful');
  for (const p of points) {
    const run = runs[runs.length - 1];
    if (run && !apart(p) && !apart(run[run.length - 1]!) && p.year === run[run.length - 1]!.year + 1) run.push(p);
    else runs.push([p]);
  }
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="sparkline">
      {runs.map((run, i) =>
        run.length > 1 ? (
          <polyline key={i} fill="none" stroke="#0b5cad" strokeWidth={2} points={run.map((p) => `${x(p.year)},${yv(p.value)}`).join(' ')} />
        ) : null,
      )}
      {points.map((p) => {
        const f = p.obs.flags;
        const doubt = f.includes('implausible') || f.includes('conflict') || f.includes('small_sample');
        if (apart(p)) {
          return <rect key={p.year} x={x(p.year) - 4} y={yv(p.value) - 4} width={8} height={8} fill="#fff" stroke="#6b6b6b" strokeWidth={2} strokeDasharray="2 1.5" />;
        }
        return (
          <circle
            key={p.year}
            cx={x(p.year)}
            cy={yv(p.value)}
            r={doubt ? 4.5 : 3.5}
            fill={f.includes('derived') || f.includes('implausible') ? '#fff' : '#0b5cad'}
            stroke={doubt ? '#b3261e' : '#0b5cad'}
            strokeWidth={2}
          />
        );
      })}
      <text x={2} y={height - 1} fontSize={9} fill="#666">
        {y0}
      </text>
      {y1 !== y0 ? (
        <text x={width - 2} y={height - 1} fontSize={9} fill="#666" textAnchor="end">
          {y1}
        </text>
      ) : null}
    </svg>
  );
}
