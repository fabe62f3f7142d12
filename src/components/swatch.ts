// How a legend entry is drawn, as data: the on-screen legend styles a box
// from it, the exported image draws it as SVG.
export interface Swatch {
  /** A bar-like box, a point's symbol, or a line. */
  shape: 'box' | 'circle' | 'diamond' | 'triangle' | 'square' | 'pin' | 'line';
  fill: string;
  stroke: string;
  /** SVG stroke-dasharray. */
  dash?: string;
  pattern?: 'stripes' | 'dots' | 'hatch';
}

