// An exported image that stands on its own: title, subtitle (definition and
// unit), the chart, notes for the flags drawn, the source line, and a footer
// with the dashboard's name, the data's date and the permalink. Built as SVG
// text; every data string is XML-escaped. Fonts are the system CJK fonts a
// slide program has (no web font), listed in order of likelihood.
import type { Swatch } from '../swatch.ts';

export interface ExportText {
  title: string;
  subtitle: string;
  /** The generated description of the chart (alt text). */
  description: string;
  notes: string[];
  sourceLine: string;
  footer: string;
  lang: 'zh' | 'en';
  /** What colours, patterns and lines mean: each item's swatch and its label. */
  legend?: { label: string; swatch: Swatch }[];
}

/** A swatch as SVG markup, size × 1.4 wide. Its fields are our constants, escaped all the same. */
export function swatchSvg(s: Swatch, x: number, y: number, size: number): string {
  const w = size * 1.4;
  const h = size;
  const a = (v: string) => escapeXml(v);
  const dash = s.dash ? ` stroke-dasharray="${a(s.dash)}"` : '';
  const fill = s.pattern ? `url(#legend-${s.pattern})` : a(s.fill);
  const stroke = (width: number) => `stroke="${a(s.stroke)}" stroke-width="${width}"${dash}`;
  const cx = x + w / 2;
  const cy = y + h / 2;
  switch (s.shape) {
    case 'line':
      return `<line x1="${x}" x2="${x + w}" y1="${cy}" y2="${cy}" ${stroke(2.5)}/>`;
    case 'circle':
      return `<circle cx="${cx}" cy="${cy}" r="${h / 3}" fill="${fill}" ${stroke(1.5)}/>`;
    case 'diamond':
      return `<path d="M${cx} ${y + 1}L${cx + h / 2.5} ${cy}L${cx} ${y + h - 1}L${cx - h / 2.5} ${cy}Z" fill="${fill}" ${stroke(1.5)}/>`;
    case 'triangle':
      return `<path d="M${cx} ${y + 1}L${cx + h / 2.2} ${y + h - 1}L${cx - h / 2.2} ${y + h - 1}Z" fill="${fill}" ${stroke(1.5)}/>`;
    case 'square':
    case 'pin':
      return `<rect x="${cx - h / 3}" y="${cy - h / 3}" width="${(h * 2) / 3}" height="${(h * 2) / 3}" fill="${fill}" ${stroke(1.5)}/>`;
    default:
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" ${stroke(1.5)}/>`;
  }
}

/** The patterns swatches refer to. */
const SWATCH_DEFS =
  '<defs><pattern id="legend-stripes" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#8a8a8a"/><line x1="0" y1="0" x2="0" y2="4" stroke="#ffffff" stroke-width="1.6"/></pattern>' +
  '<pattern id="legend-dots" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#8a8a8a"/><circle cx="2" cy="2" r="0.9" fill="#ffffff"/></pattern>' +
  '<pattern id="legend-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ececec"/><line x1="0" y1="0" x2="0" y2="4" stroke="#7a7a7a" stroke-width="1.2"/></pattern></defs>';

export interface Preset {
  id: 'slide169' | 'slide43' | 'screen';
  width: number;
  height: number;
}

export const PRESETS: Record<'slide169' | 'slide43', Preset> = {
  slide169: { id: 'slide169', width: 1920, height: 1080 },
  slide43: { id: 'slide43', width: 1440, height: 1080 },
};

export const FONT_STACK_ZH = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', sans-serif";
export const FONT_STACK_EN = "'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', 'DejaVu Sans', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const isWide = (ch: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);

export function measure(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? size : size * 0.56;
  return w;
}

/** Greedy line wrapping: Chinese breaks anywhere, Latin at spaces. */
export function wrap(text: string, size: number, width: number, maxLines = Infinity): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (measure(next.trimEnd(), size) > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1]!.replace(/.{0,2}$/, '') + '…';
    return kept;
  }
  return lines;
}

export interface Composed {
  svg: string;
  /** Where the chart goes, for rendering it at the right size. */
  chart: { x: number; y: number; width: number; height: number };
}

/**
 * Lays out the frame around a chart and returns the final SVG. `chartSvg`
 * is rendered for the box `layout` returns (call `layoutExport` first).
 */
export function layoutExport(text: ExportText, w: number, h: number): {
  lines: { text: string; size: number; weight: number; colour: string; y: number; x?: number }[];
  swatches: string[];
  chart: Composed['chart'];
  footerY: number;
} {
  const pad = Math.round(w * 0.035);
  const inner = w - pad * 2;
  const base = Math.max(14, Math.round(w / 80));
  const lines: { text: string; size: number; weight: number; colour: string; y: number; x?: number }[] = [];
  const swatches: string[] = [];
  let y = pad;
  const push = (t: string, size: number, weight: number, colour: string, gap = 0.35) => {
    y += size;
    lines.push({ text: t, size, weight, colour, y });
    y += size * gap;
  };
  for (const l of wrap(text.title, base * 2, inner, 2)) push(l, base * 2, 700, '#1f1f1f', 0.3);
  y += base * 0.2;
  for (const l of wrap(text.subtitle, base, inner, 3)) push(l, base, 400, '#555555');
  if (text.legend && text.legend.length > 0) {
    // One or more rows of swatch + label, wrapping like words.
    const size = Math.round(base * 0.85);
    y += size * 0.4;
    let x = pad;
    for (const item of text.legend) {
      const width = size * 1.4 + size * 0.4 + measure(item.label, size) + size * 1.2;
      if (x > pad && x + width > pad + inner) {
        x = pad;
        y += size * 1.6;
      }
      swatches.push(swatchSvg(item.swatch, x, y + size * 0.1, size));
      lines.push({ text: item.label, size, weight: 400, colour: '#333333', y: y + size * 0.95, x: x + size * 1.8 });
      x += width;
    }
    y += size * 1.6;
  }
  y += base * 0.6;
  const chartTop = y;

  // Bottom-up: footer, source line, notes.
  const small = Math.round(base * 0.85);
  const footer = wrap(text.footer, small, inner, 2);
  const sources = wrap(text.sourceLine, small, inner, 3);
  const noteLines: string[] = [];
  for (const n of text.notes) noteLines.push(...wrap(`• ${n}`, small, inner, 2));
  const maxNotes = Math.max(0, Math.floor((h - chartTop) * 0.28 / (small * 1.35)));
  const shownNotes = noteLines.length > maxNotes ? [...noteLines.slice(0, Math.max(0, maxNotes - 1)), text.lang === 'zh' ? '…（更多注释见在线版本）' : '… (more notes in the online version)'] : noteLines;
  const bottomBlock = (footer.length + sources.length + shownNotes.length) * small * 1.35 + small * 1.2;
  const chartHeight = Math.max(120, h - pad - bottomBlock - chartTop);
  let by = chartTop + chartHeight + small * 0.6;
  const bottom = (t: string, colour: string, weight = 400) => {
    by += small;
    lines.push({ text: t, size: small, weight, colour, y: by });
    by += small * 0.35;
  };
  for (const l of shownNotes) bottom(l, '#333333');
  by += small * 0.3;
  for (const l of sources) bottom(l, '#333333');
  by += small * 0.3;
  const footerY = by;
  for (const l of footer) bottom(l, '#666666');
  return { lines, swatches, chart: { x: pad, y: chartTop, width: inner, height: chartHeight }, footerY };
}

/** Strips the XML prolog of an SVG document so it can be nested. */
function nestable(svg: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/<!DOCTYPE[^>]*>\s*/i, '')
    // Characters XML forbids, which ECharts passes through from data text.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function composeSvg(text: ExportText, w: number, h: number, chartSvg: (box: Composed['chart']) => string): Composed {
  const { lines, swatches, chart, footerY } = layoutExport(text, w, h);
  const font = text.lang === 'zh' ? FONT_STACK_ZH : FONT_STACK_EN;
  // Place the chart's own <svg> in the box: drop its size attributes, then set ours.
  const inner = nestable(chartSvg(chart)).replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(?:x|y|width|height)="[^"]*"/g, '');
    return `<svg x="${chart.x}" y="${chart.y}" width="${chart.width}" height="${chart.height}"${rest}>`;
  });
  const body = lines
    .map((l) => `<text x="${Math.round(l.x ?? w * 0.035)}" y="${l.y.toFixed(1)}" font-size="${l.size}" font-weight="${l.weight}" fill="${l.colour}">${escapeXml(l.text)}</text>`)
    .join('\n');
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="export-title export-desc" font-family="${font}">`,
    `<title id="export-title">${escapeXml(text.title)}</title>`,
    `<desc id="export-desc">${escapeXml(text.description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    swatches.length > 0 ? SWATCH_DEFS + swatches.join('') : '',
    body,
    `<line x1="${Math.round(w * 0.035)}" x2="${w - Math.round(w * 0.035)}" y1="${(footerY - 2).toFixed(1)}" y2="${(footerY - 2).toFixed(1)}" stroke="#dddddd"/>`,
    inner,
    `</svg>`,
  ].join('\n');
  return { svg, chart };
}
