// Everything a link must reproduce. Anything not here stays local to a component.

export const VIEW_IDS = ['compare', 'table', 'district', 'map', 'coverage', 'sources', 'methodology', 'import'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export type Lang = 'zh' | 'en';

export interface ViewState {
  view: ViewId;
  lang: Lang;
  /** Indicator shown by compare, table (years mode) and map. */
  indicator: string;
  /** Basis; null means the most widely reported one. */
  basis: string | null;
  /** Districts selected; null means every district with data. */
  districts: string[] | null;
  /** Compare: one-year ranked bars or lines over time. */
  chart: 'bar' | 'line';
  /** One-year charts: a year, or each district's latest value. */
  year: number | 'latest';
  /** Keep only the years every selected district reports. */
  common: boolean;
  /** Year range for lines and tables; null for open ends. */
  from: number | null;
  to: number | null;
  /** Reference lines: median of shown, group medians, ranks. */
  refMedian: boolean;
  refGroup: boolean;
  refRank: boolean;
  /** Table: districts × years for one indicator, or districts × indicators for one year. */
  tableMode: 'years' | 'indicators';
  /** Table sort: column id and direction, e.g. "2021:desc"; empty for the default. */
  sort: string;
  /** Table filter text. */
  filter: string;
  /** Table columns hidden. */
  hidden: string[];
  /** District profile shown. */
  district: string | null;
  /** Sources view: report open in the viewer, and the observation highlighted. */
  source: string | null;
  obs: string | null;
  /** Large type for projecting. */
  present: boolean;
  /** Chart-only rendering inside an iframe, optionally with the table tab. */
  embed: boolean;
  embedTable: boolean;
  /** Dataset version the link was made with (manifest content hash). */
  dataVersion: string | null;
  /** The link carries data imported in the sender's browser. */
  withImported: boolean;
}

export const DEFAULT_INDICATOR = 'dual_teacher_share';

export const DEFAULT_STATE: ViewState = {
  view: 'compare',
  lang: 'zh',
  indicator: DEFAULT_INDICATOR,
  basis: null,
  districts: null,
  chart: 'bar',
  year: 'latest',
  common: false,
  from: null,
  to: null,
  refMedian: true,
  refGroup: false,
  refRank: true,
  tableMode: 'years',
  sort: '',
  filter: '',
  hidden: [],
  district: null,
  source: null,
  obs: null,
  present: false,
  embed: false,
  embedTable: false,
  dataVersion: null,
  withImported: false,
};
