import { describe, expect, it } from 'vitest';
import { buildDataset } from './pipeline.ts';
import { formatIssue } from './issues.ts';
import { fakeSha, miniProject } from './testing.ts';

const row = (indicator: string, value: string, quote: string, more: Partial<Record<'basis' | 'scope' | 'flags' | 'notes' | 'year', string>> = {}) =>
  `d1,${more.year ?? '2022'},,${indicator},${value},${more.basis ?? ''},${more.scope ?? ''},r1,表 1-4,${quote},${more.flags ?? ''},,${more.notes ?? ','}`;

const COUNTS = [
  row('fulltime_teachers', '308', '专任教师 308 人'),
  row('specialised_teachers', '148', '专业教师 148 人'),
  row('dual_teachers', '141', '“双师型”教师 141 人'),
];

function build(obs: string[], extra: Record<string, string> = {}) {
  return buildDataset(miniProject(obs, extra), fakeSha);
}

describe('automatic derivation of the other basis of dual_teacher_share', () => {
  it('derives both bases from counts when the report states neither', () => {
    const { dataset, issues } = build(COUNTS);
    expect(issues.map(formatIssue)).toEqual([]);
    const derived = dataset!.observations.filter((o) => o.flags.includes('derived'));
    expect(derived.map((o) => [o.basis, o.value])).toEqual([
      ['of_fulltime', 45.8],
      ['of_specialised', 95.3],
    ]);
    const counts = new Map(dataset!.observations.map((o) => [o.id, o]));
    expect(derived[0]!.inputs.map((id) => counts.get(id)!.indicator)).toEqual(['dual_teachers', 'fulltime_teachers']);
    expect(derived[0]!.formula).toBe('141 ÷ 308 × 100');
  });

  it('drops a derived value that agrees with the stated one at the stated precision', () => {
    const stated = row('dual_teacher_share', '95.27', '占专业教师 95.27%', { basis: 'of_specialised' });
    const { dataset } = build([...COUNTS, stated]);
    const spec = dataset!.observations.filter((o) => o.indicator === 'dual_teacher_share' && o.basis === 'of_specialised');
    expect(spec).toHaveLength(1);
    expect(spec[0]!.flags).toEqual([]);
  });

  it('keeps a disagreeing derived value, flags it conflict, and demands the flag on the stated row', () => {
    const stated = row('dual_teacher_share', '95.27', '“双师型”教师占专技岗教师比例	88.2%	95.27%', { basis: 'of_fulltime' });
    const bad = build([...COUNTS, stated]);
    expect(bad.issues.map(formatIssue)).toEqual([
      'data/observations/d1.csv:5: flags: value 95.27 disagrees with 45.8 at derived (141 ÷ 308 × 100) for the same quantity; keep both, flag both conflict and say why in the notes',
    ]);
    const flagged = row('dual_teacher_share', '95.27', '“双师型”教师占专技岗教师比例	88.2%	95.27%', {
      basis: 'of_fulltime',
      flags: 'conflict',
      notes: '标签与人数不符。,The label disagrees with the counts.',
    });
    const { dataset, issues } = build([...COUNTS, flagged]);
    expect(issues).toEqual([]);
    const derived = dataset!.observations.find((o) => o.flags.includes('derived') && o.basis === 'of_fulltime')!;
    expect(derived.flags).toEqual(['derived', 'conflict']);
    expect(derived.noteEn).toContain('The report states 95.27 at 表 1-4');
  });

  it('marks an impossible share implausible and a tiny denominator small_sample, and inherits partial scope', () => {
    const scoped = (ind: string, v: string, q: string) =>
      row(ind, v, q, { scope: 'private_schools', flags: 'partial_scope', notes: '仅民办。,Private only.' });
    const { dataset, issues } = build([
      scoped('fulltime_teachers', '18', '专任教师 18 人'),
      scoped('specialised_teachers', '12', '专业课教师 12 人'),
      scoped('dual_teachers', '20', '“双师型”教师 20 人'),
    ]);
    expect(issues.map(formatIssue)).toEqual([]);
    const spec = dataset!.observations.find((o) => o.basis === 'of_specialised')!;
    expect(spec.value).toBe(166.7);
    expect(spec.scope).toBe('private_schools');
    expect(spec.flags).toEqual(['derived', 'partial_scope', 'implausible', 'small_sample']);
  });
});

it('converts a general-to-vocational ratio into the vocational share', () => {
  const { dataset } = build([row('general_vocational_ratio', '2.28', '普职招生比例 2.28:1')]);
  const share = dataset!.observations.find((o) => o.indicator === 'vocational_share')!;
  expect([share.value, share.formula, share.flags]).toEqual([30.5, '100 ÷ (1 + 2.28)', ['derived']]);
});

describe('explicit derivation requests', () => {
  const header = 'district,year,indicator,basis,scope,method,numerator,denominator,source,note_zh,note_en';
  const money = [row('funding_total', '18320.96', '经费投入 18320.96 万元'), row('enrolment', '3150', '在校生 3150 人')];

  it('computes per-student money with the unit conversion and keeps the curator note', () => {
    const { dataset, issues } = build(money, {
      'data/derivations.csv': `${header}\nd1,2022,funding_per_student,,,per_capita,funding_total,enrolment,r1,同一范围。,Same schools.\n`,
    });
    expect(issues.map(formatIssue)).toEqual([]);
    const per = dataset!.observations.find((o) => o.indicator === 'funding_per_student')!;
    expect(per.value).toBe(58162);
    expect(per.formula).toBe('18320.96 × 10000 ÷ 3150');
    expect(per.noteEn).toMatch(/Same schools\.$/);
  });

  it('names the request line when an input is missing', () => {
    const { issues } = build(money, {
      'data/derivations.csv': `${header}\nd1,2021,funding_per_student,,,per_capita,funding_total,enrolment,r1,,\n`,
    });
    expect(issues.map(formatIssue)).toEqual([
      'data/derivations.csv:2: numerator: no funding_total row for d1 2021 in r1',
    ]);
  });
});

it('flags a stated rate over fewer than 30 people only when the curator did', () => {
  const grads = row('graduates', '12', '毕业生 12 人');
  const rate = row('employment_rate', '100', '就业率 100%');
  expect(build([grads, rate]).issues.map(formatIssue)).toEqual([
    'data/observations/d1.csv:3: flags: is a rate over 12 (graduates at data/observations/d1.csv:2); flag it small_sample',
  ]);
  const flagged = row('employment_rate', '100', '就业率 100%', { flags: 'small_sample', notes: '仅 12 人。,Only 12.' });
  const { dataset } = build([grads, flagged]);
  expect(dataset!.observations.find((o) => o.indicator === 'employment_rate')).toMatchObject({ value: 100 });
});
