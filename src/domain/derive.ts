// Derived observations: computed from curated ones of the same district, year,
// scope and report, never across reports, with inputs and arithmetic recorded.
import type { Issue } from './issues.ts';
import { decimalsOf, round, valuesAgree } from './numbers.ts';

export { valuesAgree };
import { quantityKey, type Indicator, type Observation, type Origin, type ReferenceData } from './types.ts';
import { observationId } from './validate.ts';
import { SMALL_SAMPLE_LIMIT, YUAN_FACTOR, type FlagId } from './vocab.ts';

export const DERIVATION_METHODS = ['share', 'ratio_to_share', 'per_capita'] as const;
export type DerivationMethod = (typeof DERIVATION_METHODS)[number];

export interface InputRef {
  indicator: string;
  basis: string;
}

export interface DerivationRule {
  indicator: string;
  /** Output basis; '*' takes the numerator's basis. */
  basis: string;
  method: DerivationMethod;
  numerator: InputRef;
  denominator?: InputRef;
}

export interface DerivationRequest extends DerivationRule {
  district: string;
  year: number;
  scope: string;
  source: string;
  noteZh: string;
  noteEn: string;
  origin: Origin;
}

/**
 * Mechanical derivations applied wherever their inputs exist. Per-student
 * money and other judgement calls are requested explicitly in
 * data/derivations.csv, because only a curator can tell whether numerator and
 * denominator cover the same schools.
 */
export const AUTOMATIC_RULES: DerivationRule[] = [
  {
    indicator: 'dual_teacher_share',
    basis: 'of_specialised',
    method: 'share',
    numerator: { indicator: 'dual_teachers', basis: '' },
    denominator: { indicator: 'specialised_teachers', basis: '' },
  },
  {
    indicator: 'dual_teacher_share',
    basis: 'of_fulltime',
    method: 'share',
    numerator: { indicator: 'dual_teachers', basis: '' },
    denominator: { indicator: 'fulltime_teachers', basis: '' },
  },
  {
    indicator: 'vocational_share',
    basis: '*',
    method: 'ratio_to_share',
    numerator: { indicator: 'general_vocational_ratio', basis: '*' },
  },
];

export function parseInputRef(raw: string): InputRef {
  const [indicator = '', basis = ''] = raw.trim().split(':');
  return { indicator: indicator.trim(), basis: basis.trim() };
}

const groupKey = (o: { district: string; year: number; scope: string; source: string }) =>
  `${o.district}|${o.year}|${o.scope}|${o.source}`;

/** Preferred statement among several: unflagged before conflicting, then file order. */
function pick(rows: Observation[]): Observation | undefined {
  return rows.find((r) => !r.flags.includes('conflict')) ?? rows[0];
}

function fmt(n: number): string {
  return String(+n.toFixed(6));
}

interface Computed {
  value: number;
  formula: string;
  zh: string;
  en: string;
  /** Size of the group a share is taken over, for the small-sample check. */
  n: number | null;
}

function compute(
  method: DerivationMethod,
  num: Observation,
  den: Observation | undefined,
  refs: ReferenceData,
): Computed | string {
  const ni = refs.indicators.get(num.indicator)!;
  const di = den ? refs.indicators.get(den.indicator) : undefined;
  switch (method) {
    case 'share': {
      if (!den || !di) return 'needs a denominator';
      if (den.value === 0) return `the denominator ${den.indicator} is 0`;
      return {
        value: (num.value / den.value) * 100,
        formula: `${fmt(num.value)} ÷ ${fmt(den.value)} × 100`,
        zh: `由${ni.nameZh} ${fmt(num.value)} ÷ ${di.nameZh} ${fmt(den.value)} 计算。`,
        en: `Computed as ${ni.nameEn.toLowerCase()} ${fmt(num.value)} ÷ ${di.nameEn.toLowerCase()} ${fmt(den.value)}.`,
        n: den.value,
      };
    }
    case 'ratio_to_share':
      return {
        value: 100 / (1 + num.value),
        formula: `100 ÷ (1 + ${fmt(num.value)})`,
        zh: `由${ni.nameZh} ${fmt(num.value)}:1 换算：100 ÷ (1 + ${fmt(num.value)})。`,
        en: `Converted from the ${ni.nameEn.toLowerCase()} ${fmt(num.value)}:1 as 100 ÷ (1 + ${fmt(num.value)}).`,
        n: null,
      };
    case 'per_capita': {
      if (!den || !di) return 'needs a denominator';
      if (den.value === 0) return `the denominator ${den.indicator} is 0`;
      const factor = YUAN_FACTOR[ni.unit] ?? 1;
      const scale = factor === 1 ? '' : ` × ${factor}`;
      return {
        value: (num.value * factor) / den.value,
        formula: `${fmt(num.value)}${scale} ÷ ${fmt(den.value)}`,
        zh: `由${ni.nameZh} ${fmt(num.value)}${scale} ÷ ${di.nameZh} ${fmt(den.value)} 计算。`,
        en: `Computed as ${ni.nameEn.toLowerCase()} ${fmt(num.value)}${scale} ÷ ${di.nameEn.toLowerCase()} ${fmt(den.value)}.`,
        n: null,
      };
    }
  }
}

function inheritedFlags(inputs: Observation[]): FlagId[] {
  const out: FlagId[] = [];
  for (const f of ['partial_scope', 'definition_variant'] as FlagId[]) {
    if (inputs.some((o) => o.flags.includes(f))) out.push(f);
  }
  return out;
}

function makeDerived(
  rule: DerivationRule,
  where: { district: string; year: number; scope: string; source: string },
  num: Observation,
  den: Observation | undefined,
  refs: ReferenceData,
  extraNote: { zh: string; en: string } | null,
): Observation | string {
  const indicator = refs.indicators.get(rule.indicator) as Indicator;
  const c = compute(rule.method, num, den, refs);
  if (typeof c === 'string') return c;
  const basis = rule.basis === '*' ? num.basis : rule.basis;
  const inputs = den ? [num, den] : [num];
  const locators = [...new Set(inputs.map((o) => o.locator))];
  const base = {
    district: where.district,
    year: where.year,
    indicator: rule.indicator,
    basis,
    scope: where.scope as Observation['scope'],
    source: where.source,
    locator: locators.join(' + '),
  };
  const value = round(c.value, indicator.decimals);
  const flags: FlagId[] = ['derived', ...inheritedFlags(inputs)];
  const zh = [c.zh];
  const en = [c.en];
  if (inputs.some((o) => o.flags.includes('partial_scope'))) {
    zh.push('输入值仅覆盖部分学校。');
    en.push('Its inputs cover only some schools.');
  }
  const outside =
    (indicator.unit === 'percent' && (value < 0 || value > 100)) ||
    (indicator.plausibleMin !== null && value < indicator.plausibleMin) ||
    (indicator.plausibleMax !== null && value > indicator.plausibleMax);
  if (outside) {
    flags.push('implausible');
    zh.push('结果超出合理范围，说明两个输入值的统计口径不一致，仅作提示。');
    en.push('The result is outside the plausible range, which shows that the two inputs are not counted on the same basis; shown only as a warning.');
  }
  if (c.n !== null && c.n < SMALL_SAMPLE_LIMIT) {
    flags.push('small_sample');
    zh.push(`分母仅 ${fmt(c.n)}。`);
    en.push(`The denominator is only ${fmt(c.n)}.`);
  }
  if (extraNote) {
    if (extraNote.zh) zh.push(extraNote.zh);
    if (extraNote.en) en.push(extraNote.en);
  }
  return {
    id: observationId(base, true),
    ...base,
    period: den && den.period !== num.period ? '' : num.period,
    value,
    quote: '',
    flags,
    formula: c.formula,
    inputs: inputs.map((o) => o.id),
    noteZh: zh.join(''),
    noteEn: en.join(' '),
    span: null,
  };
}

function findInputs(rows: Observation[], ref: InputRef, basis: string): Observation[] {
  const want = ref.basis === '*' ? basis : ref.basis;
  return rows.filter((o) => o.indicator === ref.indicator && o.basis === want && !o.flags.includes('derived'));
}

/**
 * Applies the automatic rules and the explicit requests. A derived value that
 * agrees with what the report states is dropped as redundant; one that
 * disagrees is kept and flagged conflict, with a note naming the statement.
 */
export function deriveObservations(
  curated: Observation[],
  requests: DerivationRequest[],
  refs: ReferenceData,
): { derived: Observation[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const byGroup = new Map<string, Observation[]>();
  for (const o of curated) {
    const k = groupKey(o);
    let list = byGroup.get(k);
    if (!list) byGroup.set(k, (list = []));
    list.push(o);
  }
  const stated = new Map<string, Observation[]>();
  for (const o of curated) {
    const k = `${quantityKey(o)}|${o.source}`;
    let list = stated.get(k);
    if (!list) stated.set(k, (list = []));
    list.push(o);
  }
  const derived: Observation[] = [];
  const seen = new Set<string>();

  const emit = (o: Observation, explicit: boolean) => {
    if (seen.has(o.id)) return;
    const statements = stated.get(`${quantityKey(o)}|${o.source}`) ?? [];
    const disagreeing = statements.filter((s) => !valuesAgree(s.value, o.value));
    if (!explicit && statements.length > 0 && disagreeing.length === 0) return;
    if (disagreeing.length > 0) {
      o.flags.push('conflict');
      const s = disagreeing[0]!;
      o.noteZh += `报告在 ${s.locator} 给出的数值为 ${s.value}，与此不符。`;
      o.noteEn += ` The report states ${s.value} at ${s.locator}, which disagrees.`;
    }
    seen.add(o.id);
    derived.push(o);
  };

  // Automatic rules, group by group, in a stable order.
  for (const [, rows] of [...byGroup.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const where = rows[0]!;
    for (const rule of AUTOMATIC_RULES) {
      const bases = rule.numerator.basis === '*'
        ? [...new Set(rows.filter((o) => o.indicator === rule.numerator.indicator).map((o) => o.basis))]
        : [rule.numerator.basis];
      for (const basis of bases) {
        const num = pick(findInputs(rows, rule.numerator, basis));
        const den = rule.denominator ? pick(findInputs(rows, rule.denominator, basis)) : undefined;
        if (!num || (rule.denominator && !den)) continue;
        const o = makeDerived(rule, where, num, den, refs, null);
        if (typeof o !== 'string') emit(o, false);
      }
    }
  }

  // Explicit requests: every one must find its inputs.
  for (const req of requests) {
    const rows = byGroup.get(groupKey(req)) ?? [];
    const fail = (field: string, message: string) =>
      issues.push({ file: req.origin.file, line: req.origin.line, field, message });
    const num = pick(findInputs(rows, req.numerator, req.basis));
    const den = req.denominator ? pick(findInputs(rows, req.denominator, req.basis)) : undefined;
    const scopeText = req.scope ? `, scope ${req.scope}` : '';
    if (!num) {
      fail('numerator', `no ${req.numerator.indicator}${req.numerator.basis ? ':' + req.numerator.basis : ''} row for ${req.district} ${req.year}${scopeText} in ${req.source}`);
      continue;
    }
    if (req.denominator && !den) {
      fail('denominator', `no ${req.denominator.indicator}${req.denominator.basis ? ':' + req.denominator.basis : ''} row for ${req.district} ${req.year}${scopeText} in ${req.source}`);
      continue;
    }
    const o = makeDerived(req, req, num, den, refs, { zh: req.noteZh, en: req.noteEn });
    if (typeof o === 'string') fail('method', o);
    else emit(o, true);
  }
  return { derived, issues };
}
