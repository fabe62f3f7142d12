// Reference metadata as the app holds it: arrays for lists, maps for lookups.
import type { Basis, District, Group, Indicator, ReferenceData, Source } from '../domain/types.ts';
import { CATEGORIES } from '../domain/vocab.ts';

export interface SourceMeta extends Source {
  observations: number;
}

export interface MetaFile {
  format: number;
  groups: Group[];
  districts: District[];
  indicators: Indicator[];
  bases: Basis[];
  sources: SourceMeta[];
}

export interface Meta extends MetaFile {
  group: Map<string, Group>;
  district: Map<string, District>;
  indicator: Map<string, Indicator>;
  basis: Map<string, Basis>;
  source: Map<string, SourceMeta>;
}

export function indexMeta(file: MetaFile): Meta {
  return {
    ...file,
    group: new Map(file.groups.map((g) => [g.id, g])),
    district: new Map(file.districts.map((d) => [d.id, d])),
    indicator: new Map(file.indicators.map((i) => [i.id, i])),
    basis: new Map(file.bases.map((b) => [b.id, b])),
    source: new Map(file.sources.map((s) => [s.id, s])),
  };
}

/** Meta with user-added districts and indicators (from an import) appended. */
export function withExtras(meta: Meta, districts: District[], indicators: Indicator[]): Meta {
  if (districts.length === 0 && indicators.length === 0) return meta;
  const needsGroup = districts.some((d) => !meta.group.has(d.group)) && !meta.group.has('imported');
  return indexMeta({
    ...meta,
    groups: needsGroup ? [...meta.groups, { id: 'imported', nameZh: '用户导入', nameEn: 'Imported', order: 99 }] : meta.groups,
    districts: [...meta.districts, ...districts.filter((d) => !meta.district.has(d.id))],
    indicators: [...meta.indicators, ...indicators.filter((i) => !meta.indicator.has(i.id))],
  });
}

/** Indicator categories in the vocabulary's order, then any others the data uses (imports). */
export function categoriesOf(meta: Pick<Meta, 'indicators'>): string[] {
  return [...new Set([...CATEGORIES, ...meta.indicators.map((i) => i.category)])];
}

/** The metadata as the validation module's reference tables. */
export function referenceData(meta: Meta): ReferenceData {
  return { groups: meta.group, districts: meta.district, indicators: meta.indicator, bases: meta.basis, sources: meta.source };
}
