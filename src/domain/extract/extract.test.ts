// One test per pattern family, on short passages written for these tests (not
// copied from the five curated reports), so they check the patterns in general.
import { describe, expect, it } from 'vitest';
import { valueAppearsInQuote } from '../numbers.ts';
import { findQuote, indexSource } from '../quotes.ts';
import { candidatesToCsv, extractCandidates as extractWith, gapAllows as gapAllowsWith, type Candidate, type ExtractOptions } from './extract.ts';
import { testLexicon } from './test-lexicon.ts';

const LEX = testLexicon();
const extractCandidates = (text: string, opts: ExtractOptions = {}) => extractWith(text, LEX, opts);
const gapAllows = (gap: string) => gapAllowsWith(LEX, gap);

const TITLE = '北京市顺义区中等职业教育质量年度报告（2024）\n\n2023年12月\n\n';

function run(body: string, fileName = 'shunyi-2024.txt'): Candidate[] {
  return extractCandidates(TITLE + body, { fileName }).candidates;
}

/** The candidates reduced to what a curated row must agree on, sorted. */
function keys(cands: Candidate[]): string[] {
  return cands.map((c) => `${c.year} ${c.indicator} ${c.value}${c.basis ? ` ${c.basis}` : ''}${c.scope ? ` ${c.scope}` : ''}`).sort();
}

const sorted = (a: string[]) => [...a].sort();

describe('report identity', () => {
  it('guesses district and source from the title, and the data year from the date line', () => {
    const r = extractCandidates(TITLE + '1. 基本情况\n\n全区中等职业学校招生人数500人。');
    expect([r.district, r.source, r.titleYear, r.dataYear]).toEqual(['shunyi', 'shunyi-2024', 2024, 2023]);
    expect(keys(r.candidates)).toEqual(['2023 intake 500']);
  });

  it('falls back to the file name, and leaves the district empty when nothing says', () => {
    expect(extractCandidates('年度报告\n\n2021年，招生人数500人。', { fileName: 'miyun-2022.txt' }).source).toBe('miyun-2022');
    expect(extractCandidates('2021年，招生人数500人。').district).toBe('');
  });
});

describe('prose', () => {
  it('percentages: a term, a connector, a number with %', () => {
    const c = run('2.2 就业质量\n\n2023年，全区中职毕业生就业率为98.5%，对口就业率达到96%，升学率：61.2%。');
    expect(keys(c)).toEqual(sorted(['2023 employment_rate 98.5', '2023 further_study_rate 61.2', '2023 matched_employment_rate 96']));
    expect(c.find((x) => x.indicator === 'employment_rate')!.locator).toBe('2.2 就业质量 (line 7)');
  });

  it('counts with their unit, and refuses a number with the wrong unit or none', () => {
    const c = run('2023年，全区中等职业学校招生人数1061人，在校生3150人，毕业生 589 人，培训规模达12000人次。专任教师培训300人天，教职工共计120。');
    expect(keys(c)).toEqual(sorted(['2023 enrolment 3150', '2023 graduates 589', '2023 intake 1061', '2023 training_volume 12000']));
  });

  it('a count after its number: "有 1061 名学生被中等职业学校录取", "两所中等职业学校"', () => {
    const c = run('2023 年全区有 1061 名学生被中等职业学校录取。全区共有两所区属中等职业学校，其中 585 人进入全日制普通高校学习。');
    expect(keys(c)).toEqual(sorted(['2023 further_study_entrants 585', '2023 intake 1061', '2023 schools 2']));
  });

  it('a share after its subject: "“双师型”教师141人，占专业教师95.27%"', () => {
    const c = run('2023年，“双师型”教师141人，占专业教师95.27%；高级职称教师96人，占比31.17%；兼职教师44人，占比14.29%。');
    expect(keys(c)).toEqual(sorted([
      '2023 dual_teacher_share 95.27 of_specialised',
      '2023 dual_teachers 141',
      '2023 senior_title_share 31.17',
      '2023 senior_title_teachers 96',
    ]));
  });

  it('every coordinated term takes a shared value: "A与B均为 100%"', () => {
    const c = run('2023年，毕业生就业率（含升学）与对口就业率均为 100%。');
    expect(keys(c)).toEqual(sorted(['2023 employment_rate 100', '2023 matched_employment_rate 100']));
  });

  it('skips changes, approximations, sums over years and case studies', () => {
    const c = run(
      [
        '2023年，招生人数比上一年减少139人，下降11.58%。全年培训超5.8万人次，服务企业员工500余人。',
        '2021年、2022年毕业生共1653人。',
        '【案例 2-1】某校毕业生就业率达 87%。',
        '',
        '3. 质量保障',
        '',
        '2023年，经费投入总额为 1200 万元，相比去年经费投入增加 200 万元。',
      ].join('\n\n'),
    );
    expect(keys(c)).toEqual(sorted(['2023 funding_total 1200']));
  });

  it('a noun narrowed by "的" is a subset, and a stopper hides what it contains', () => {
    const c = run('2023年，具有研究生学位的专任教师105人，正高级教师 4 人、高级教师 61 人，党员教职工 124 名。');
    // 正高级 is a part (full_senior); the 高级教师 listed beside it are the rest, not the total.
    expect(keys(c)).toEqual(sorted(['2023 senior_title_teachers 4 full_senior']));
  });
});

describe('money', () => {
  it('converts 万元 and 亿 to the indicator’s unit, and reads a breakdown by its basis words', () => {
    const c = run(
      '2023 年全区中等职业教育经费投入总额为 1.25 亿元，其中人员经费 8000 万元，公用经费 1500 万元，项目经费 3000 万元。生均教学、实习仪器设备资产值 2.56 万元。按照每生每年900元的标准安排生均公用经费。',
    );
    expect(keys(c)).toEqual(sorted([
      '2023 equipment_per_student 25600',
      '2023 funding_total 1500 operating',
      '2023 funding_total 12500',
      '2023 funding_total 3000 project',
      '2023 funding_total 8000 personnel',
      '2023 public_funding_standard 900',
    ]));
    expect(c.find((x) => x.indicator === 'equipment_per_student')!.noteZh).toContain('2.56 万元 = 25600 元');
  });
});

describe('tables', () => {
  it('year columns: each row × year column is a candidate, change columns are not', () => {
    const c = run(
      [
        '表 1-1 顺义区中等职业教育规模',
        '',
        '项目	2022年	2023年	增长量	增长率',
        '招生规模	总人数	1100	1205	105	9.5%',
        '	全日制（人）	900	980	80	8.9%',
        '	联合办学（人）	200	225	25	12.5%',
        '对口就业率	96.50%	97.20%	0.7%	——',
        '生均教学仪器设备值（万元）	3	3.5	0.5	16.7%',
      ].join('\n'),
    );
    expect(keys(c)).toEqual(sorted([
      '2022 equipment_per_student 30000',
      '2022 intake 1100',
      '2022 intake 200 joint',
      '2022 intake 900 fulltime',
      '2022 matched_employment_rate 96.5',
      '2023 equipment_per_student 35000',
      '2023 intake 1205',
      '2023 intake 225 joint',
      '2023 intake 980 fulltime',
      '2023 matched_employment_rate 97.2',
    ]));
    const row = c.find((x) => x.value === '980')!;
    expect(row.locator).toBe('表 1-1 顺义区中等职业教育规模 (line 9)');
    expect(row.quote).toContain('全日制（人）	900	980');
  });

  it('year rows: indicators are the columns, each row a year (school years by the guide’s rules)', () => {
    const c = run(
      ['表 2 学生规模与升学', '', '学年	招生人数	毕业生人数	升入高等院校比例	职普比', '2021-2022	800	760	55%	0.30 : 0.70', '2022-2023	820	790	61%	0.29 : 0.71'].join('\n'),
    );
    expect(keys(c)).toEqual(sorted([
      '2021 intake 800',
      '2021 vocational_share 30',
      '2022 further_study_rate 55',
      '2022 graduates 760',
      '2022 intake 820',
      '2022 vocational_share 29',
      '2023 further_study_rate 61',
      '2023 graduates 790',
    ]));
    expect(c.find((x) => x.value === '800')!.period).toBe('2021-2022学年');
  });

  it('a header-only table and a numbered list: totals and items that name their part', () => {
    const c = run(
      [
        '1.3 教师队伍',
        '',
        '专任教师数	专业课教师数	双师型教师数',
        '300	180	150',
        '',
        '5.2 社会服务',
        '',
        '序号	培训项目	人数',
        '1	农民培训	1200',
        '2	电工培训	300',
        '3	社区居民培训	450',
      ].join('\n'),
    );
    expect(keys(c)).toEqual(sorted([
      '2023 dual_teachers 150',
      '2023 fulltime_teachers 300',
      '2023 specialised_teachers 180',
      '2023 training_volume 1200 villages',
      '2023 training_volume 450 community',
    ]));
  });

  it('a table of contents is not data, and "无" or a zero salary is not a value', () => {
    const c = run(
      ['目 录', '', '1. 基本情况	1', '1.1 招生规模	2', '6.1 经费投入	15', '', '序号	指标	单位	2023 年', '1	毕业生人数	人	无', '2	月收入	元	0', '3	自主创业率	%	0'].join('\n'),
    );
    expect(keys(c)).toEqual(sorted(['2023 entrepreneurship_rate 0']));
  });
});

describe('ratios', () => {
  it('职普比 a : b is the vocational share, 普职比 x:1 and 生师比 x:1 are x', () => {
    const c = run('2023 年全区职普比为 0.31 : 0.69，普职比 2.23:1，生师比为9.03:1。');
    expect(keys(c)).toEqual(sorted(['2023 general_vocational_ratio 2.23', '2023 student_teacher_ratio 9.03', '2023 vocational_share 31']));
  });
});

describe('full-width digits', () => {
  it('reads them and quotes them as written', () => {
    const c = run('２０２３年，全区招生人数１２０５人，就业率９８．５％。');
    expect(keys(c)).toEqual(sorted(['2023 employment_rate 98.5', '2023 intake 1205']));
    expect(c.find((x) => x.indicator === 'intake')!.quote).toBe('２０２３年，全区招生人数１２０５人');
  });
});

describe('basis and scope', () => {
  it('names the denominator of a share, the programme split and the schools covered', () => {
    const c = run(
      [
        '2023年，公办中等职业学校教职工总数为344人，其中专技岗教师308人。民办学校“双师型”教师3人，占专任教师16.67%。',
        '2023年招生人数1000人，其中全日制学生800人，全日制成人中专学生50人，业余成人学生100人，联合办学学生50人。',
        '2023年，面向社区开展培训2200人次，面向驻区部队开展培训300人次。',
      ].join('\n\n'),
    );
    expect(keys(c)).toEqual(sorted([
      '2023 dual_teacher_share 16.67 of_fulltime private_schools',
      '2023 dual_teachers 3 private_schools',
      '2023 fulltime_teachers 308 public_schools',
      '2023 intake 100 adult',
      '2023 intake 1000',
      '2023 intake 50 fulltime_adult',
      '2023 intake 50 joint',
      '2023 intake 800 fulltime',
      '2023 staff_total 344 public_schools',
      '2023 training_volume 2200 community',
      '2023 training_volume 300 military',
    ]));
    expect(c.find((x) => x.indicator === 'fulltime_teachers')!.flags).toEqual(['definition_variant', 'partial_scope']);
  });

  it('gives an unstated double-qualified share the basis its counts support', () => {
    const c = run('2023年，全区专任教师 600 人，其中专业课教师 260 人，“双师型”教师 226 人，“双师型”教师比例达 87%。');
    const share = c.find((x) => x.indicator === 'dual_teacher_share')!;
    expect(share.basis).toBe('of_specialised');
    expect(share.noteEn).toContain('226/260');
  });
});

describe('years', () => {
  it('a school year: intake in its autumn year, graduates in the year it ends', () => {
    const c = run('2020-2021学年，全区招生人数655人，毕业生490人，培训规模68909人次。');
    expect(keys(c)).toEqual(sorted(['2020 intake 655', '2021 graduates 490', '2021 training_volume 68909']));
    expect(c.every((x) => x.period === '2020-2021学年')).toBe(true);
  });

  it('the nearest year in the clause, then the sentence; "由 Y 年的 A 增长为 B" gives A to Y only', () => {
    const c = run('2023 年全区招生人数 1061 人，相比 2022 年招生人数 1200 人，职普比为 0.37 : 0.63。“双师型”教师数由 2022 年的 217 人增长为 231 人。');
    expect(keys(c)).toEqual(sorted([
      '2022 dual_teachers 217',
      '2022 intake 1200',
      '2022 vocational_share 37',
      '2023 dual_teachers 231',
      '2023 intake 1061',
    ]));
  });

  it('never after the title year, and history is not a data year', () => {
    const c = run('本校始建于 1983 年，现有中等职业学校3所。2025 年计划招生人数1500人。');
    expect(keys(c)).toEqual(sorted(['2023 schools 3']));
  });
});

describe('quotes', () => {
  it('every quote is found verbatim (whitespace aside) and holds the value’s digits', () => {
    const text =
      TITLE +
      '1.1 规模\n\n2023年，昌顺区中等职业学校在校生人数3150人，比上一年增加399人。教学、实习仪器设备资产\n\n总值为 28647 万元，生均教学、实习仪器设备资产值 9.09 万元。\n\n项目	2022年	2023年\n生师比	8.1:1	9.03:1\n毕业生总数（人）	812	589\n';
    const { candidates } = extractCandidates(text);
    expect(candidates.length).toBe(6);
    const index = indexSource(text);
    for (const c of candidates) {
      expect(findQuote(index, c.quote), c.quote).not.toBeNull();
      expect(valueAppearsInQuote(Number(c.value), c.quote), `${c.value} in ${c.quote}`).toBe(true);
    }
  });
});

describe('connectors', () => {
  it('allows only grammar words between a term and its number', () => {
    expect(gapAllows('')).toBe(true);
    expect(gapAllows('达 ')).toBe(true);
    expect(gapAllows('（含升学）均为')).toBe(true);
    expect(gapAllows('由 2020 年的 ')).toBe(true);
    expect(gapAllows('增加 ')).toBe(false);
    expect(gapAllows('本科以上学历 ')).toBe(false);
  });
});

describe('issue 11, second round: general shapes', () => {
  it('a part named only by its schools takes the total’s indicator with their scope', () => {
    expect(keys(run('2023年全区毕业生就业率为96.5%，其中公办学校97.2%，民办学校92.8%。'))).toEqual(
      sorted(['2023 employment_rate 96.5', '2023 employment_rate 97.2 public_schools', '2023 employment_rate 92.8 private_schools']),
    );
  });

  it('the earlier year’s level in a comparison is a row for that year; a change is not', () => {
    expect(keys(run('今年中职招生人数为640人，较上年的612人略有增加。'))).toEqual(sorted(['2023 intake 640', '2022 intake 612']));
    expect(keys(run('今年中职招生人数为640人，比上年增加28人。'))).toEqual(['2023 intake 640']);
  });

  it('a change to a value states the level; an opening span of years makes sums', () => {
    expect(keys(run('专任教师中“双师型”教师占比上升到71.5%，比上年提高2.1个百分点。'))).toEqual(['2023 dual_teacher_share 71.5 of_fulltime']);
    expect(keys(run('近三年，各校共培训社区居民12000人次。'))).toEqual([]);
  });

  it('a school year in a heading gives intake its autumn year', () => {
    expect(keys(run('1.1 2022-2023学年招生情况\n\n全区中职学校招收新生430人，毕业生390人。'))).toEqual(sorted(['2022 intake 430', '2023 graduates 390']));
  });

  it('tables: 上年 / 本年 columns, a change row, a list of schools, the district beside the city', () => {
    expect(keys(run('指标\t上年\t本年\t增减\n就业率(%)\t96.0\t97.5\t1.5'))).toEqual(sorted(['2022 employment_rate 96', '2023 employment_rate 97.5']));
    expect(keys(run('年份\t招生（人）\n2022\t600\n2023\t640\n2023年比2022年增减\t40'))).toEqual(sorted(['2022 intake 600', '2023 intake 640']));
    expect(keys(run('学校\t在校生\n城南职业学校\t1200\n区实验学校\t800\n合计\t2000'))).toEqual(
      sorted(['2023 enrolment 1200 one_school', '2023 enrolment 800 one_school', '2023 enrolment 2000']),
    );
    expect(keys(run('表2 全市与本区对比\n\n指标\t全市\t本区\n对口就业率（%）\t85.0\t88.0'))).toEqual(sorted(['2023 matched_employment_rate 85 citywide', '2023 matched_employment_rate 88']));
  });
});

describe('issue 11, third round: teachers and outcomes in other words', () => {
  it('teacher counts: 教职工N人，其中专任教师M人; part-time and hired teachers are not taken', () => {
    expect(keys(run('2023年，全区中职学校共有教职工412人，其中专任教师356人，专业课教师228人。'))).toEqual(
      sorted(['2023 fulltime_teachers 356', '2023 specialised_teachers 228', '2023 staff_total 412']),
    );
    expect(keys(run('全区专兼职教师共计520人，其中专任教师380人，兼职教师140人。'))).toEqual(['2023 fulltime_teachers 380']);
    expect(keys(run('学校聘请企业兼职教师48人，外聘教师25人。'))).toEqual([]);
  });

  it('a double-qualified count named by the qualification: 具有“双师型”资格的有N人, 具备“双师”素质的', () => {
    expect(keys(run('专任教师中具有“双师型”资格的有185人，占专业课教师的81.1%。'))).toEqual(
      sorted(['2023 dual_teachers 185', '2023 dual_teacher_share 81.1 of_specialised']),
    );
    expect(keys(run('具备“双师”素质的专业课教师167人。'))).toEqual(['2023 dual_teachers 167']);
    expect(keys(run('全区“双师型”教师196人，占专任教师总数的55.1%。'))).toEqual(sorted(['2023 dual_teachers 196', '2023 dual_teacher_share 55.1 of_fulltime']));
  });

  it('a share’s denominator from the frame before it: X中, X当中, 在N名X里, 其中 after a count, （占X）', () => {
    expect(keys(run('专业课教师当中，“双师型”教师超过九成。'))).toEqual(['2023 dual_teacher_share 90 of_specialised']);
    expect(keys(run('在164名专业课教师里，“双师型”教师139人，比例为84.8%。'))).toEqual(
      sorted(['2023 specialised_teachers 164', '2023 dual_teachers 139', '2023 dual_teacher_share 84.8 of_specialised']),
    );
    expect(keys(run('专业课教师中“双师型”教师的比例由2021年的70.2%提高到2023年的78.6%。'))).toEqual(
      sorted(['2021 dual_teacher_share 70.2 of_specialised', '2023 dual_teacher_share 78.6 of_specialised']),
    );
    expect(keys(run('全区共有专业技术岗位教师301人，其中“双师型”教师所占比例为61.5%。'))).toEqual(
      sorted(['2023 fulltime_teachers 301', '2023 dual_teacher_share 61.5 of_fulltime']),
    );
    expect(keys(run('“双师型”教师比例为56.4%（占专任教师）。'))).toEqual(['2023 dual_teacher_share 56.4 of_fulltime']);
    // No frame, no 其中: the denominator is not named, the basis stays empty.
    expect(keys(run('专任教师246人，专业课教师164人，“双师型”教师所占比例为81.7%。'))).toEqual(
      sorted(['2023 fulltime_teachers 246', '2023 specialised_teachers 164', '2023 dual_teacher_share 81.7']),
    );
  });

  it('outcome rates by other names: 就业创业率, 专业对口率, 对口就业的比例, 升入高等院校深造的比例, 与所学专业相关', () => {
    expect(keys(run('2023届毕业生就业创业率达到98.1%。'))).toEqual(['2023 employment_rate 98.1']);
    expect(keys(run('毕业生去向落实率为97.9%，专业对口率为86.5%，平均起薪为4800元。'))).toEqual(
      sorted(['2023 employment_rate 97.9', '2023 matched_employment_rate 86.5', '2023 starting_salary 4800']),
    );
    expect(keys(run('对口就业的比例为88.2%。'))).toEqual(['2023 matched_employment_rate 88.2']);
    expect(keys(run('就业学生中从事与所学专业相关工作的占87.1%。'))).toEqual(['2023 matched_employment_rate 87.1']);
    expect(keys(run('毕业生升入高等院校深造的比例为71.5%。'))).toEqual(['2023 further_study_rate 71.5']);
    expect(keys(run('升入高一级学校的比例为62.3%。'))).toEqual(['2023 further_study_rate 62.3']);
    expect(keys(run('毕业生就业率达到百分之九十八点五。'))).toEqual(['2023 employment_rate 98.5']);
  });

  it('look-alikes are not taken: internships, one major, 京籍, 普高, 高职 intake, plans', () => {
    expect(keys(run('实习专业对口率达到95%。'))).toEqual([]);
    expect(keys(run('学前教育专业就业率100%，计算机专业就业率97.5%。'))).toEqual([]);
    expect(keys(run('京籍毕业生升学率为82.1%。'))).toEqual([]);
    expect(keys(run('全区普通高中升学率为98%，中职毕业生升学率为72%。'))).toEqual(['2023 further_study_rate 72']);
    expect(keys(run('2023年高职院校在我区招生1320人。高职院校录取中职毕业生780人。'))).toEqual([]);
    expect(keys(run('全区中职学校计划招收新生1500人。'))).toEqual([]);
  });

  it('scope: the nearest schools named before, and none after words naming the whole district', () => {
    expect(keys(run('公办学校现有专任教师386人；民办学校专任教师58人，“双师型”教师21人。全区中职学校生师比为7.6:1。'))).toEqual(
      sorted(['2023 fulltime_teachers 386 public_schools', '2023 fulltime_teachers 58 private_schools', '2023 dual_teachers 21 private_schools', '2023 student_teacher_ratio 7.6']),
    );
    expect(keys(run('全市中职学校招生3.2万人，我区招生1280人。'))).toEqual(sorted(['2023 intake 32000 citywide', '2023 intake 1280']));
  });

  it('a per-student rate after a clause naming the standard is the standard', () => {
    expect(keys(run('区财政落实中职学校生均公用经费拨款标准，每生每年3000元。'))).toEqual(['2023 public_funding_standard 3000']);
  });
});

describe('CSV', () => {
  it('writes the header and one row per candidate, quoting cells that need it', () => {
    const csv = candidatesToCsv(run('2023年，招生人数1061人，"双师型"教师比例达87%。'), { newline: '\n' });
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('district,year,period,indicator,value,unit,basis,scope,source,locator,quote,flags,formula,note_zh,note_en,confidence,line');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^shunyi,2023,,intake,1061,persons,,,shunyi-2024,/);
    expect(csv).toContain('"2023年，招生人数1061人，""双师型""教师比例达87%"');
  });

  it('can leave out the three extra columns, giving the curated files’ header', () => {
    const csv = candidatesToCsv(run('2023年，招生人数1061人。'), { curatedColumns: true });
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('district,year,period,indicator,value,basis,scope,source,locator,quote,flags,formula,note_zh,note_en');
    expect(row).toMatch(/^shunyi,2023,,intake,1061,,,shunyi-2024,/);
  });
});
