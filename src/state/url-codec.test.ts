import { describe, expect, it } from 'vitest';
import { parseLink, serializeLink } from './url-codec.ts';
import { DEFAULT_STATE, type ViewState } from './view-state.ts';

describe('link format', () => {
  it('the default view is the empty query', () => {
    expect(serializeLink(DEFAULT_STATE)).toBe('');
    expect(parseLink('')).toEqual({ state: DEFAULT_STATE, ignored: [] });
  });

  it('round-trips a changed view and keeps only what differs', () => {
    const s: ViewState = {
      ...DEFAULT_STATE,
      view: 'table',
      lang: 'en',
      indicator: 'further_study_rate',
      basis: '',
      districts: ['changping', 'chaoyang'],
      chart: 'line',
      year: 2021,
      common: true,
      from: 2019,
      to: 2022,
      refMedian: false,
      refGroup: true,
      tableMode: 'indicators',
      sort: '2021:desc',
      filter: '昌平, 海淀',
      hidden: ['2019'],
      district: 'changping',
      source: 'changping-2023',
      obs: '93c26e767b52',
      present: true,
      dataVersion: '74bf5e69285b',
    };
    const q = serializeLink(s);
    expect(q).toBe(
      '?view=table&lang=en&ind=further_study_rate&basis=-&d=changping,chaoyang&chart=line&year=2021&common=1&from=2019&to=2022&ref=g,k&table=indicators&sort=2021:desc&q=%E6%98%8C%E5%B9%B3,+%E6%B5%B7%E6%B7%80&hide=2019&district=changping&src=changping-2023&obs=93c26e767b52&present=1&v=74bf5e69285b',
    );
    expect(parseLink(q)).toEqual({ state: s, ignored: [] });
  });

  it('an empty district list (all deselected) survives the round trip', () => {
    const s = { ...DEFAULT_STATE, districts: [] };
    expect(parseLink(serializeLink(s)).state.districts).toEqual([]);
  });

  it('falls back per parameter on garbage and says which were ignored', () => {
    const { state, ignored } = parseLink('?view=pie&ind=<script>&year=20x1&d=a,,b&from=3000&ref=z&obs=../../etc&lang=fr&chart=line&unknown=1&v=xyz');
    expect(state).toEqual({ ...DEFAULT_STATE, chart: 'line' });
    expect(ignored.sort()).toEqual(['d', 'from', 'ind', 'lang', 'obs', 'ref', 'unknown', 'v', 'view', 'year'].sort());
  });

  it('swaps a reversed year range instead of showing nothing', () => {
    expect(parseLink('?from=2022&to=2019').state).toMatchObject({ from: 2019, to: 2022 });
  });

  it('refuses a link from a newer format version but still opens', () => {
    expect(parseLink('?lv=2&view=map')).toEqual({ state: { ...DEFAULT_STATE, view: 'map' }, ignored: ['lv'] });
  });
});
