// Okabe–Ito colours (distinguishable with the common colour-vision
// deficiencies), one per functional group, and line dashes to tell districts
// of one group apart.
export const GROUP_COLOURS: Record<string, string> = {
  core: '#0072B2',
  central: '#E69F00',
  subcentre: '#56B4E9',
  plain: '#CC79A7',
  ecological: '#009E73',
};
export const OTHER_COLOUR = '#6b6b6b';
export const IMPORTED_COLOUR = '#7a3e9d';
export const ALERT_COLOUR = '#b3261e';

export const groupColour = (group: string | undefined): string => (group && GROUP_COLOURS[group]) || OTHER_COLOUR;

export const LINE_DASHES: (number[] | 'solid')[] = ['solid', [6, 4], [2, 3], [8, 3, 2, 3]];
/** Values whose basis is in doubt: grey, striped, outside the group colours (they are not ranked). */
export const DOUBT_FILL = 'rgba(107,107,107,0.16)';
