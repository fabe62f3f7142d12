// The legend beside the chart: functional-area colours, how doubts are drawn,
// and the reference lines, for what is on screen only.
import type { LegendItem, Swatch } from './legend.ts';

function SwatchIcon({ s }: { s: Swatch }) {
  const w = 20;
  const h = 14;
  const fill = s.pattern ? `url(#legend-${s.pattern})` : s.fill;
  const common = { stroke: s.stroke, strokeWidth: 1.5, strokeDasharray: s.dash };
  const cx = w / 2;
  const cy = h / 2;
  let shape;
  switch (s.shape) {
    case 'line':
      shape = <line x1={1} x2={w - 1} y1={cy} y2={cy} {...common} strokeWidth={2.5} />;
      break;
    case 'circle':
      shape = <circle cx={cx} cy={cy} r={4.5} fill={fill} {...common} />;
      break;
    case 'diamond':
      shape = <path d={`M${cx} 1L${cx + 6} ${cy}L${cx} ${h - 1}L${cx - 6} ${cy}Z`} fill={fill} {...common} />;
      break;
    case 'triangle':
      shape = <path d={`M${cx} 1L${cx + 6.5} ${h - 1}L${cx - 6.5} ${h - 1}Z`} fill={fill} {...common} />;
      break;
    case 'square':
    case 'pin':
      shape = <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={fill} {...common} />;
      break;
    default:
      shape = <rect x={1} y={1} width={w - 2} height={h - 2} fill={fill} {...common} />;
  }
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" className="chart-legend__swatch">
      {shape}
    </svg>
  );
}

export function ChartLegend({ items, label }: { items: LegendItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <div className="chart-legend" data-testid="chart-legend">
      {/* The patterns the swatches use, once. */}
      <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
        <defs>
          <pattern id="legend-stripes" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#8a8a8a" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#ffffff" strokeWidth="1.6" />
          </pattern>
          <pattern id="legend-dots" width="4" height="4" patternUnits="userSpaceOnUse">
            <rect width="4" height="4" fill="#8a8a8a" />
            <circle cx="2" cy="2" r="0.9" fill="#ffffff" />
          </pattern>
          <pattern id="legend-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#ececec" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#7a7a7a" strokeWidth="1.2" />
          </pattern>
        </defs>
      </svg>
      <ul aria-label={label}>
        {items.map((i) => (
          <li key={i.key} data-key={i.key}>
            <SwatchIcon s={i.swatch} /> {i.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
