// Closed vocabularies that validation logic depends on. Open vocabularies
// (districts, indicators, bases, sources) live in data/*.csv.

export const FLAGS = [
  'derived',
  'conflict',
  'implausible',
  'small_sample',
  'partial_scope',
  'definition_variant',
  'approximate',
  'basis_doubtful',
  'imported',
] as const;
export type FlagId = (typeof FLAGS)[number];

/** Flags a curator may write; `imported` is set by the in-browser import only. */
export const CURATED_FLAGS: readonly FlagId[] = FLAGS.filter((f) => f !== 'imported');

/** Flags that need a note saying why. */
export const FLAGS_NEEDING_NOTE: readonly FlagId[] = [
  'conflict',
  'implausible',
  'small_sample',
  'partial_scope',
  'definition_variant',
  'approximate',
  'basis_doubtful',
];

export interface Labelled {
  zh: string;
  en: string;
}

export const FLAG_LABELS: Record<FlagId, Labelled & { descZh: string; descEn: string }> = {
  derived: {
    zh: '派生',
    en: 'Derived',
    descZh: '由其他观测值计算得出；输入值和公式随数据记录。',
    descEn: 'Computed from other observations; the inputs and formula are recorded with it.',
  },
  conflict: {
    zh: '冲突',
    en: 'Conflict',
    descZh: '报告在别处对同一数量给出了不同的数值；两者都保留。',
    descEn: 'The report states this quantity differently elsewhere; both values are kept.',
  },
  implausible: {
    zh: '存疑',
    en: 'Implausible',
    descZh: '数量级超出合理范围（例如把总额当作生均值），原样保留并标注。',
    descEn: 'The magnitude is outside any sensible range (e.g. a total given as a per-student figure); kept as stated and marked.',
  },
  small_sample: {
    zh: '小样本',
    en: 'Small sample',
    descZh: '比率的分母不足 30 人，波动很大。',
    descEn: 'A rate over fewer than 30 people; it can swing widely.',
  },
  partial_scope: {
    zh: '部分范围',
    en: 'Partial scope',
    descZh: '只覆盖区内部分学校（如仅公办学校）。',
    descEn: 'Covers only some of the district’s schools (e.g. public schools only).',
  },
  definition_variant: {
    zh: '口径差异',
    en: 'Definition variant',
    descZh: '统计口径与指标的标准定义不同。',
    descEn: 'Counted differently from the indicator’s standard definition.',
  },
  approximate: {
    zh: '约数',
    en: 'Approximate',
    descZh: '报告给出的是约数或下限（如“超5.8万人次”“500余人”“99%以上”），按所写数字记录。',
    descEn: 'The report gives an approximate figure or a lower bound ("over 58,000", "500-odd", "99% or more"); the number is recorded as written.',
  },
  basis_doubtful: {
    zh: '分母存疑',
    en: 'Basis in doubt',
    descZh: '报告所称的分母（口径）与其自身的数字不符，或无从核实；数值照录并标注，但不参与排名和中位数。',
    descEn: 'The denominator the report names contradicts its own numbers, or cannot be checked; the value is kept as stated and marked, but never ranked or counted in a median.',
  },
  imported: {
    zh: '导入',
    en: 'Imported',
    descZh: '由用户在浏览器中导入，不属于本站整理的数据集。',
    descEn: 'Imported by the user in this browser; not part of the curated dataset.',
  },
};

export const UNITS = [
  'persons',
  'person_times',
  'percent',
  'ratio',
  'students_per_teacher',
  'per_student',
  'yuan',
  'yuan_per_month',
  'yuan_per_student',
  'wan_yuan',
  'schools',
] as const;
export type UnitId = (typeof UNITS)[number];

export const UNIT_LABELS: Record<UnitId, Labelled & { shortZh: string; shortEn: string }> = {
  persons: { zh: '人', en: 'persons', shortZh: '人', shortEn: '' },
  person_times: { zh: '人次', en: 'person-times', shortZh: '人次', shortEn: '' },
  percent: { zh: '%', en: '%', shortZh: '%', shortEn: '%' },
  ratio: { zh: '比值', en: 'ratio', shortZh: '', shortEn: '' },
  students_per_teacher: { zh: '生/师', en: 'students per teacher', shortZh: '', shortEn: '' },
  per_student: { zh: '个/生', en: 'per student', shortZh: '个/生', shortEn: ' per student' },
  yuan: { zh: '元', en: 'yuan', shortZh: '元', shortEn: ' yuan' },
  yuan_per_month: { zh: '元/月', en: 'yuan per month', shortZh: '元/月', shortEn: ' yuan/month' },
  yuan_per_student: { zh: '元/生·年', en: 'yuan per student per year', shortZh: '元', shortEn: ' yuan' },
  wan_yuan: { zh: '万元', en: '10,000 yuan', shortZh: '万元', shortEn: '' },
  schools: { zh: '所', en: 'schools', shortZh: '所', shortEn: '' },
};

/** Multiplier that turns a value in this unit into yuan (for money units). */
export const YUAN_FACTOR: Partial<Record<UnitId, number>> = {
  yuan: 1,
  yuan_per_month: 1,
  yuan_per_student: 1,
  wan_yuan: 10_000,
};

/** Which schools a value covers; empty means every school the report covers. */
export const SCOPES = ['', 'public_schools', 'private_schools', 'district_schools', 'adult_schools', 'one_school', 'citywide'] as const;
export type ScopeId = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<ScopeId, Labelled> = {
  '': { zh: '全部学校', en: 'All schools' },
  public_schools: { zh: '仅公办学校', en: 'Public schools only' },
  private_schools: { zh: '仅民办学校', en: 'Private schools only' },
  district_schools: { zh: '仅区属学校', en: 'District-run schools only' },
  adult_schools: { zh: '仅成人中专', en: 'Adult secondary schools only' },
  one_school: { zh: '单所学校', en: 'One school' },
  citywide: { zh: '全市（非本区）', en: 'All of Beijing (not the district)' },
};

/**
 * Scopes a district's observation may carry. A city-wide figure describes
 * Beijing, not the district: the extractor reports it so nobody files it by
 * mistake, and the build refuses it in a district's data.
 */
export const DISTRICT_SCOPES: readonly ScopeId[] = SCOPES.filter((s) => s !== 'citywide');

export const CATEGORIES = ['scale', 'structure', 'teachers', 'outcomes', 'satisfaction', 'resources'] as const;
export const CATEGORY_LABELS: Record<string, Labelled> = {
  scale: { zh: '规模', en: 'Scale' },
  structure: { zh: '结构', en: 'Structure' },
  teachers: { zh: '师资', en: 'Teachers' },
  outcomes: { zh: '培养质量与去向', en: 'Outcomes' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  resources: { zh: '经费与条件', en: 'Funding and resources' },
};

/** Smallest group for which a rate is shown without the small-sample mark. */
export const SMALL_SAMPLE_LIMIT = 30;
