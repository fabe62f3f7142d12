// The legend beside the chart: functional-area colours, how doubts are drawn,
// and the reference lines, for what is on screen only. Swatches are plain
// styled boxes (no SVG), so the chart stays the figure's only drawing.
import type { CSSProperties } from 'react';
import type { LegendItem, Swatch } from './legend.ts';

const PATTERNS: Record<NonNullable<Swatch['pattern']>, string> = {
  stripes: 'repeating-linear-gradient(45deg, #8a8a8a 0 2px, #ffffff 2px 3.5px)',
  dots: 'radial-gradient(circle, #ffffff 0.9px, #8a8a8a 1.1px) 0 0 / 4px 4px',
  hatch: 'repeating-linear-gradient(45deg, #ececec 0 2.5px, #7a7a7a 2.5px 3.7px)',
};

function swatchStyle(s: Swatch): CSSProperties {
  const border = s.stroke === 'none' ? 'none' : `1.5px ${s.dash ? 'dashed' : 'solid'} ${s.stroke}`;
  const background = s.pattern ? PATTERNS[s.pattern] : s.fill === 'none' ? 'transparent' : s.fill;
  switch (s.shape) {
    case 'line':
      return { width: 20, height: 0, borderTop: `2.5px ${s.dash ? (s.dash.startsWith('1') ? 'dotted' : 'dashed') : 'solid'} ${s.stroke}` };
    case 'circle':
      return { width: 10, height: 10, borderRadius: '50%', background, border };
    case 'diamond':
      return { width: 9, height: 9, transform: 'rotate(45deg)', background, border, margin: '0 2px' };
    case 'triangle':
      return { width: 12, height: 11, background: s.stroke, clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' };
    case 'square':
    case 'pin':
      return { width: 10, height: 10, background, border };
    default:
      return { width: 20, height: 12, background, border, boxSizing: 'border-box' };
  }
}

export function ChartLegend({ items, label }: { items: LegendItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label={label} data-testid="chart-legend">
      {items.map((i) => (
        <li key={i.key} data-key={i.key}>
          <span className="chart-legend__swatch" style={swatchStyle(i.swatch)} aria-hidden="true" data-colour={i.swatch.pattern ? undefined : i.swatch.fill} /> {i.label}
        </li>
      ))}
    </ul>
  );
}
