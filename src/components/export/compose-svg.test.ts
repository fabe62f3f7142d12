import { describe, expect, it } from 'vitest';
import { composeSvg, escapeXml, wrap } from './compose-svg.ts';

const text = {
  title: '招生人数 <b>&</b>',
  subtitle: '各区最新年份。',
  description: '4 个区有数据。',
  notes: ['房山区 2019：派生'],
  sourceLine: '来源：《报告》。',
  footer: '看板 · 数据版本 abc · http://x/?a=1&b=2',
  lang: 'zh' as const,
};

it('escapes every text and nests the chart without duplicate size attributes', () => {
  const { svg, chart } = composeSvg(text, 1920, 1080, (box) => `<?xml version="1.0"?><svg width="${box.width}" height="${box.height}" xmlns="http://www.w3.org/2000/svg"><rect/></svg>`);
  expect(svg).toContain('招生人数 &lt;b&gt;&amp;&lt;/b&gt;');
  expect(svg).toContain('?a=1&amp;b=2');
  const nested = svg.match(/<svg x="[^>]*>/)![0];
  expect(nested.match(/width=/g)).toHaveLength(1);
  expect(nested).toContain(`width="${chart.width}"`);
  expect(svg.match(/<\?xml/g)).toHaveLength(1);
  expect(chart.y).toBeGreaterThan(100);
  expect(chart.y + chart.height).toBeLessThan(1080);
});

it('wraps Chinese anywhere and English at spaces, with an ellipsis past the last line', () => {
  expect(wrap('一二三四五六', 10, 30)).toEqual(['一二三', '四五六']);
  expect(wrap('alpha beta gamma', 10, 50)).toEqual(['alpha', 'beta', 'gamma']);
  expect(wrap('一二三四五六七八九', 10, 30, 2)[1]!.endsWith('…')).toBe(true);
  expect(escapeXml('a\u0007b')).toBe('ab');
});

describe('the legend in an exported image', () => {
  it('draws each swatch and its label (escaped) between the subtitle and the chart', () => {
    const text = {
      title: 'T', subtitle: 'S', description: 'D', notes: [], sourceLine: '', footer: 'F', lang: 'zh' as const,
      legend: [
        { label: '平原新城', swatch: { shape: 'box' as const, fill: '#CC79A7', stroke: 'none' } },
        { label: '<b>x</b>', swatch: { shape: 'box' as const, fill: '#eee', stroke: '#6b6b6b', dash: '3 2', pattern: 'hatch' as const } },
        { label: 'median', swatch: { shape: 'line' as const, fill: 'none', stroke: '#1f1f1f', dash: '5 3' } },
      ],
    };
    const { svg, chart } = composeSvg(text, 1920, 1080, () => '<svg></svg>');
    expect(svg).toContain('fill="#CC79A7"');
    expect(svg).toContain('fill="url(#legend-hatch)"');
    expect(svg).toContain('<pattern id="legend-hatch"');
    expect(svg).toContain('stroke-dasharray="5 3"');
    expect(svg).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    // The legend sits above the chart.
    const legendY = Number(/<text x="\d+" y="([\d.]+)"[^>]*>平原新城/.exec(svg)![1]);
    expect(legendY).toBeLessThan(chart.y);
    // Without a legend there are no patterns.
    expect(composeSvg({ ...text, legend: [] }, 1920, 1080, () => '<svg></svg>').svg).not.toContain('legend-hatch');
  });
});
