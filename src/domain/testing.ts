// Test support: an in-memory project for domain tests. Not imported by app code.
import type { DataFiles } from './dataset.ts';

const enc = new TextEncoder();

export function memoryFiles(files: Record<string, string>): DataFiles {
  return {
    read: (p) => (p in files ? enc.encode(files[p]!) : undefined),
    list: (dir) => Object.keys(files).filter((p) => p.startsWith(dir + '/')).sort(),
  };
}

/** A stand-in for sha256 that is stable and cheap; sources.csv must record the same. */
export function fakeSha(bytes: Uint8Array): string {
  let h = 0;
  for (const b of bytes) h = (Math.imul(h, 31) + b) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export const SOURCE_TEXT = [
  '表 1-4 教师队伍',
  '专任教师 308 人，专业教师 148 人，“双师型”教师 141 人，占专业教师 95.27%。',
  '“双师型”教师占专技岗教师比例	88.2%	95.27%',
  '另一学校：专任教师 18 人，专业课教师 12 人，“双师型”教师 20 人。',
  '普职招生比例 2.28:1。经费投入 18320.96 万元，在校生 3150 人。毕业生 12 人，就业率 100%。',
].join('\n');

export const OBS_HEADER = 'district,year,period,indicator,value,basis,scope,source,locator,quote,flags,formula,note_zh,note_en';

/** A minimal project with one report; `obs` rows are appended to one observations file. */
export function miniProject(obs: string[], extra: Record<string, string> = {}): DataFiles {
  const sha = fakeSha(enc.encode(SOURCE_TEXT));
  return memoryFiles({
    'data/groups.csv': 'id,name_zh,name_en,order\ng,组,Group,1\n',
    'data/districts.csv': 'id,name_zh,name_en,group\nd1,一区,One,g\n',
    'data/indicators.csv': [
      'id,name_zh,name_en,unit,category,decimals,higher_is_better,denominator,plausible_min,plausible_max,definition_zh,definition_en',
      'fulltime_teachers,专任教师数,Full-time teachers,persons,teachers,0,,,0,5000,专任。,Full-time.',
      'specialised_teachers,专业课教师数,Specialised teachers,persons,teachers,0,,,0,5000,专业。,Specialised.',
      'dual_teachers,双师型教师数,Dual teachers,persons,teachers,0,true,,0,5000,双师。,Dual.',
      'dual_teacher_share,双师型比例,Dual share,percent,teachers,1,true,,0,100,比例。,Share.',
      'general_vocational_ratio,普职比,Ratio,ratio,structure,2,,,0,100,普职比。,Ratio.',
      'vocational_share,职普比,Vocational share,percent,structure,1,,,0,100,职普比。,Share.',
      'funding_total,经费,Funding,wan_yuan,resources,2,,,0,1000000,经费。,Funding.',
      'enrolment,在校生,Enrolment,persons,scale,0,,,0,60000,在校生。,Enrolment.',
      'funding_per_student,生均,Per student,yuan_per_student,resources,0,,,1000,1000000,生均。,Per student.',
      'graduates,毕业生,Graduates,persons,scale,0,,,0,20000,毕业生。,Graduates.',
      'employment_rate,就业率,Employment,percent,outcomes,1,true,graduates,0,100,就业率。,Employment.',
    ].join('\n') + '\n',
    'data/bases.csv': [
      'id,name_zh,name_en,applies_to,denominator,definition_zh,definition_en',
      'of_specialised,占专业课教师,Of specialised,dual_teacher_share,specialised_teachers,,',
      'of_fulltime,占专任教师,Of full-time,dual_teacher_share,fulltime_teachers,,',
    ].join('\n') + '\n',
    'data/sources.csv': `id,district,title,title_year,file,sha256,year_min,year_max,added\nr1,d1,报告,2023,r1.txt,${sha},2020,2022,2026-01-01\n`,
    'data/sources/r1.txt': SOURCE_TEXT,
    'data/observations/d1.csv': [OBS_HEADER, ...obs].join('\n') + '\n',
    ...extra,
  });
}
