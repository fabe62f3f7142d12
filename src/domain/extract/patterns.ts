// The extractor's lexicon: the Chinese words reports use for each indicator,
// basis and scope, and the small grammar words around a number (connectors,
// approximation and change markers). Everything here is vocabulary, not rules
// for one report's sentence; extract.ts decides how the words combine.
//
// Indicator and basis ids must exist in data/indicators.csv and data/bases.csv,
// and the units and plausible ranges below must equal that file's; the unit
// tests beside this file parse those CSVs and check.
import type { FlagId, UnitId } from '../vocab.ts';

/** What the extractor needs to know about an indicator it can name. */
export interface IndicatorInfo {
  unit: UnitId;
  min: number;
  max: number;
  /** The count a rate is over (indicators.csv's denominator), for small-sample flags. */
  denominator?: string;
}

export const INDICATOR_INFO: Record<string, IndicatorInfo> = {
  schools: { unit: 'schools', min: 0, max: 50 },
  intake: { unit: 'persons', min: 0, max: 20000 },
  enrolment: { unit: 'persons', min: 0, max: 60000 },
  graduates: { unit: 'persons', min: 0, max: 20000 },
  training_volume: { unit: 'person_times', min: 0, max: 2000000 },
  general_intake: { unit: 'persons', min: 0, max: 50000 },
  vocational_share: { unit: 'percent', min: 0, max: 100 },
  general_vocational_ratio: { unit: 'ratio', min: 0, max: 100 },
  staff_total: { unit: 'persons', min: 0, max: 5000 },
  fulltime_teachers: { unit: 'persons', min: 0, max: 5000 },
  specialised_teachers: { unit: 'persons', min: 0, max: 5000 },
  dual_teachers: { unit: 'persons', min: 0, max: 5000 },
  dual_teacher_share: { unit: 'percent', min: 0, max: 100 },
  student_teacher_ratio: { unit: 'students_per_teacher', min: 0, max: 60 },
  senior_title_teachers: { unit: 'persons', min: 0, max: 5000 },
  senior_title_share: { unit: 'percent', min: 0, max: 100, denominator: 'fulltime_teachers' },
  postgraduate_teacher_share: { unit: 'percent', min: 0, max: 100, denominator: 'fulltime_teachers' },
  employment_rate: { unit: 'percent', min: 0, max: 100, denominator: 'graduates' },
  matched_employment_rate: { unit: 'percent', min: 0, max: 100, denominator: 'employed_graduates' },
  further_study_rate: { unit: 'percent', min: 0, max: 100, denominator: 'graduates' },
  further_study_entrants: { unit: 'persons', min: 0, max: 20000 },
  bachelor_entrants: { unit: 'persons', min: 0, max: 20000 },
  employed_graduates: { unit: 'persons', min: 0, max: 20000 },
  starting_salary: { unit: 'yuan_per_month', min: 500, max: 50000, denominator: 'employed_graduates' },
  entrepreneurship_rate: { unit: 'percent', min: 0, max: 100, denominator: 'graduates' },
  fitness_pass_rate: { unit: 'percent', min: 0, max: 100 },
  academic_pass_rate: { unit: 'percent', min: 0, max: 100 },
  skills_pass_rate: { unit: 'percent', min: 0, max: 100 },
  graduate_satisfaction: { unit: 'percent', min: 0, max: 100 },
  employer_satisfaction: { unit: 'percent', min: 0, max: 100 },
  parent_satisfaction: { unit: 'percent', min: 0, max: 100 },
  staff_satisfaction: { unit: 'percent', min: 0, max: 100 },
  funding_total: { unit: 'wan_yuan', min: 0, max: 1000000 },
  special_funding: { unit: 'wan_yuan', min: 0, max: 1000000 },
  funding_per_student: { unit: 'yuan_per_student', min: 1000, max: 1000000 },
  public_funding_standard: { unit: 'yuan_per_student', min: 0, max: 100000 },
  equipment_per_student: { unit: 'yuan', min: 0, max: 1000000 },
};

/**
 * A term: the words naming an indicator. Terms compete where they overlap:
 * the higher `rank` wins, then the longer match, so "对口就业率" hides the
 * "就业率" inside it and a stopper ("正高级教师", "在校生满意度") hides the
 * noun it contains.
 */
export interface TermRule {
  /** Indicator id; null for a stopper (words that look like a term but name something else). */
  indicator: string | null;
  pattern: RegExp;
  /** 1 plain nouns, 2 stoppers, 3 compound terms (rates, satisfactions), 4 the most specific. */
  rank: number;
  /** Indicator a percentage takes when this count term is its subject ("双师型教师 96 … 50.26%"). */
  share?: string;
  /** Basis the term itself states. */
  basis?: string;
  /** Flags a curator will probably want (a variant definition). */
  flags?: FlagId[];
  /** Other indicators the term can name, chosen by plausible range in this order. */
  alternatives?: string[];
  /** Only a whole table label ("专业课" in a teacher table), never prose. */
  exactLabel?: boolean;
}

const Q = '[“”"「」‘’]?'; // quotes around 双师型
const DUAL = `${Q}双师(?:型|素质|双能型)${Q}`;
const NOT_NUM = '[^，。；;,\\t\\d０-９]';

export const TERM_RULES: TermRule[] = [
  // Scale
  { indicator: 'schools', rank: 1, pattern: /中职校数|(?:中等职业|中职)学校(?:数|所数)/ },
  { indicator: 'schools', rank: 1, pattern: /(?:中等职业学校|中职学校|中等专业学校)(?=\s*[0-9０-９两二三四五六七八九十]+\s*所)/ },
  { indicator: 'intake', rank: 1, pattern: /招生(?:总人数|人数|规模|总数|数)?|招收(?:新生|学生)?|新生人数|录取人数/ },
  { indicator: 'enrolment', rank: 1, pattern: /在校(?:学)?生(?:总人数|人数|规模|总数|数)?|在校人数|在籍学生(?:人数|数)?/ },
  { indicator: 'graduates', rank: 1, pattern: /毕业生(?:总人数|人数|规模|总数|数)?|毕业人数/ },
  { indicator: 'training_volume', rank: 1, pattern: /(?:社会)?培训(?:总规模|规模|人数|人次|总量|学员|服务)?/ },
  // Structure
  { indicator: 'general_intake', rank: 4, pattern: /(?:普通|公办|民办)高中(?:学校)?(?:招生(?:人数|数)?)?|普高(?:招生(?:人数|数)?)?/ },
  { indicator: 'vocational_share', rank: 4, pattern: /职普(?:招生)?比(?:例)?/ },
  { indicator: 'general_vocational_ratio', rank: 4, pattern: /普职(?:招生)?比(?:例)?/ },
  // Teachers
  { indicator: 'staff_total', rank: 1, pattern: /教职(?:员)?工(?:总人数|总数|人数)?/ },
  { indicator: 'fulltime_teachers', rank: 1, pattern: /专任教师(?:总人数|总数|数量|人数|数)?/ },
  { indicator: 'fulltime_teachers', rank: 1, pattern: /专技岗教师(?:总人数|总数|数量|人数|数)?/, flags: ['definition_variant'] },
  { indicator: 'specialised_teachers', rank: 1, pattern: /专业(?:课)?教师(?:总人数|总数|数量|人数|数)?/ },
  { indicator: 'specialised_teachers', rank: 1, pattern: /^专业课$/, exactLabel: true },
  {
    indicator: 'dual_teachers',
    rank: 1,
    share: 'dual_teacher_share',
    pattern: new RegExp(`${DUAL}(?:专任)?教师(?:总人数|总数|人数|数)?`),
  },
  {
    indicator: 'dual_teacher_share',
    rank: 3,
    pattern: new RegExp(`${DUAL}(?:专任)?教师(?:占${NOT_NUM}{0,10}?)?(?:比例|占比|比率)`),
  },
  { indicator: 'student_teacher_ratio', rank: 4, pattern: /生师比/ },
  {
    indicator: 'senior_title_teachers',
    rank: 1,
    share: 'senior_title_share',
    pattern: /(?<!正)高级(?:及以上)?(?:职称|专业技术职务)?(?:的)?(?:专任)?教师(?:总人数|总数|人数|数)?|(?<!正)高级(?:及以上)?(?:职称|专业技术职务)(?:数|人数)?/,
  },
  {
    indicator: 'senior_title_share',
    rank: 3,
    pattern: new RegExp(`(?<!正)高级(?:及以上)?(?:职称|专业技术职务)?(?:专任)?教师(?:占${NOT_NUM}{0,10}?)?(?:比例|占比|比率)`),
  },
  // A count of postgraduate teachers has no indicator; its percentage does.
  {
    indicator: null,
    rank: 1,
    share: 'postgraduate_teacher_share',
    pattern: /(?:研究生|硕士)(?:及以上)?(?:学历)?(?:教师|专任教师)?(?:数)?/,
  },
  {
    indicator: 'postgraduate_teacher_share',
    rank: 3,
    pattern: new RegExp(`(?:研究生|硕士)(?:及以上)?学历(?:的)?(?:专任)?教师?(?:占${NOT_NUM}{0,10}?)?(?:比例|占比|比率)`),
  },
  // Outcomes
  // "毕业去向落实率" is the national template's name for the employment rate since 2022.
  { indicator: 'employment_rate', rank: 3, pattern: /就业率|(?<!本省|本市|本地|省内|市内)(?:毕业)?去向落实率/ },
  { indicator: 'matched_employment_rate', rank: 3, pattern: /对口就业率/ },
  {
    indicator: 'further_study_rate',
    rank: 3,
    pattern: /升学率|升入(?:高等院校|高等学校|高等教育|普通高校|高职院校|高职|高校|高一级学校)(?:就读)?(?:的)?(?:比例|比率|率)/,
  },
  {
    indicator: 'further_study_entrants',
    rank: 3,
    share: 'further_study_rate',
    pattern: /升学(?:总人数|人数)?|升入(?:高等院校|高等学校|高等教育|普通高校|高校)(?:的)?(?:人数)?|考(?:取|入)(?:相关)?(?:高校|高等院校)(?:人数)?/,
  },
  { indicator: 'bachelor_entrants', rank: 3, pattern: /升入本科(?:院校)?(?:人数|数量)?|本科(?:院校)?录取人数|升本(?:科)?人数/ },
  { indicator: 'employed_graduates', rank: 3, pattern: /就业人数|就业(?:的)?毕业生(?:人数|数)?/ },
  { indicator: 'starting_salary', rank: 3, pattern: /(?:初次)?(?:就业)?起薪|月收入|月薪/ },
  { indicator: 'entrepreneurship_rate', rank: 3, pattern: /(?:自主)?创业(?:比例|率|比率)|自主创业/ },
  { indicator: 'fitness_pass_rate', rank: 3, pattern: /体质(?:健康)?(?:测评|测试|监测)?合格率/ },
  { indicator: 'academic_pass_rate', rank: 3, pattern: /(?:文化课|公共基础课)(?:考试|考核)?合格率/ },
  { indicator: 'skills_pass_rate', rank: 3, pattern: /(?:专业)?技能(?:考核|考试)?合格率/ },
  // Satisfaction
  { indicator: 'graduate_satisfaction', rank: 3, pattern: /(?:毕业三年内|应届)?毕业生(?:对学校的?)?满意度/ },
  { indicator: 'employer_satisfaction', rank: 3, pattern: new RegExp(`(?:用人单位|就业单位|雇主)${NOT_NUM}{0,14}?满意度`) },
  { indicator: 'parent_satisfaction', rank: 3, pattern: /家长满意度/ },
  { indicator: 'staff_satisfaction', rank: 3, pattern: /教职工满意度|教师满意度/ },
  // Resources
  {
    indicator: 'funding_total',
    rank: 1,
    pattern: /(?:职业教育|教育)?经费(?:投入)?(?:总额|总量)?|投入(?:职业教育)?经费|经费支出/,
  },
  { indicator: 'special_funding', rank: 3, pattern: /(?:财政)?专项(?:拨款|资金|经费)|项目(?:总)?(?:资金|经费)/ },
  {
    indicator: 'funding_per_student',
    rank: 3,
    pattern: /生均(?:财政)?拨款(?:水平)?|生均经费|每生每年/,
    alternatives: ['funding_per_student', 'public_funding_standard'],
  },
  { indicator: 'public_funding_standard', rank: 4, pattern: /生均公用经费(?:标准|定额)?|公用经费(?:定额)?标准/ },
  { indicator: 'equipment_per_student', rank: 4, pattern: new RegExp(`生均${NOT_NUM}{0,10}?仪器设备(?:资产)?(?:总)?值`) },

  // Stoppers: words containing a term that name something else.
  { indicator: null, rank: 2, pattern: /正高级(?:职称)?(?:专任)?教师/ },
  {
    indicator: null,
    rank: 2,
    pattern: /(?:体育|美育|思政|音乐|美术|德育|心理|语文|数学|英语|外语|历史|兼职|外聘|党员|女)课?(?:专任|专业)?(?:教师|教职工)/,
  },
  { indicator: null, rank: 2, pattern: /[^\t，。、；\d]{0,8}(?:额定)?编制数/ },
  { indicator: null, rank: 2, pattern: /[^\t，。、；\d]{0,6}满意度/ },
  { indicator: null, rank: 2, pattern: /(?:自主|单独|特长|提前|定向|扩大)招生/ },
  { indicator: null, rank: 2, pattern: /高中阶段(?:教育)?招生/ },
  { indicator: null, rank: 2, pattern: /升入(?:高职高专|专科|高职)(?:院校)?(?:人数)?|本科学历|毕业率|培训(?:项目|课程|班)/ },
];

/**
 * Terms that follow the number: "1061 名学生被中等职业学校录取",
 * "585 人进入全日制普通高校学习", "两所区属中等职业学校". Each pattern is
 * anchored at the end of the number.
 */
export interface PostRule {
  indicator: string;
  pattern: RegExp;
  share?: string;
}

export const POST_RULES: PostRule[] = [
  { indicator: 'intake', pattern: /^\s*(?:名|人)(?:学生|新生|初中毕业生)?被?(?:中等职业学校|中职学校|职业学校|职业高中|中职)(?:招生)?录取/ },
  {
    indicator: 'further_study_entrants',
    share: 'further_study_rate',
    pattern: /^\s*(?:名|人)(?:学生|毕业生)?(?:进入|升入|考入|考取)(?:全日制)?(?:普通)?(?:高等院校|高等学校|高校)(?:学习)?/,
  },
  { indicator: 'employed_graduates', pattern: /^\s*(?:名|人)(?:学生|毕业生)?(?:进入|到)(?:企业|企事业单位|用人单位)(?:工作|就业)/ },
  { indicator: 'schools', pattern: /^\s*所(?:区属|市属|公办|民办|独立设置的?)?(?:中等职业学校|中职学校|中等专业学校|职业高中)/ },
];

/** A basis the words name, and the indicators it applies to (as in bases.csv's applies_to). */
export interface BasisRule {
  basis: string;
  pattern: RegExp;
  appliesTo: string[];
  /** The basis word also says the value is a variant (专技岗 for 专任). */
  flags?: FlagId[];
}

const HEADCOUNTS = ['intake', 'enrolment', 'graduates'];
const FUNDING = ['funding_total'];
const TRAINING = ['training_volume'];
const INTAKE_SPLITS = ['intake', 'general_intake', 'vocational_share', 'general_vocational_ratio'];

export const BASIS_RULES: BasisRule[] = [
  { basis: 'fulltime_adult', appliesTo: HEADCOUNTS, pattern: /全日制成人(?:中专|中等专业)?(?:学校)?(?:学生)?/ },
  { basis: 'fulltime', appliesTo: HEADCOUNTS, pattern: /全日制(?:职高|中职|中等职业|职业高中)?(?:学生)?/ },
  { basis: 'adult', appliesTo: HEADCOUNTS, pattern: /业余成人|非全日制/ },
  { basis: 'joint', appliesTo: HEADCOUNTS, pattern: /联合办学|合作办学|联合培养/ },
  { basis: 'through_train', appliesTo: [...HEADCOUNTS, 'further_study_entrants'], pattern: /贯通培养|贯通/ },
  { basis: 'residents_citywide', appliesTo: INTAKE_SPLITS, pattern: /升全市/ },
  { basis: 'residents_in_district', appliesTo: INTAKE_SPLITS, pattern: /升本区/ },
  { basis: 'public_general_schools', appliesTo: ['general_intake'], pattern: /公办(?:普通)?高中/ },
  { basis: 'of_specialised', appliesTo: ['dual_teacher_share'], pattern: /专业(?:课)?教师/ },
  { basis: 'of_fulltime', appliesTo: ['dual_teacher_share'], pattern: /专任教师/ },
  { basis: 'of_fulltime', appliesTo: ['dual_teacher_share'], pattern: /专技岗/, flags: ['definition_variant'] },
  { basis: 'professionalism', appliesTo: ['employer_satisfaction'], pattern: /职业素养/ },
  { basis: 'skills', appliesTo: ['employer_satisfaction'], pattern: /职业技能/ },
  { basis: 'personnel_operating', appliesTo: FUNDING, pattern: /人员(?:及|和|与)?公用/ },
  { basis: 'personnel', appliesTo: FUNDING, pattern: /人员经费/ },
  { basis: 'operating', appliesTo: FUNDING, pattern: /公用经费/ },
  { basis: 'project', appliesTo: FUNDING, pattern: /项目经费/ },
  { basis: 'campus_construction', appliesTo: FUNDING, pattern: /校园建设/ },
  { basis: 'training_facilities', appliesTo: FUNDING, pattern: /实训(?:室|基地)建设(?:及人才培养)?/ },
  { basis: 'education_staff', appliesTo: TRAINING, pattern: /教育系统[^，。；\t\d]{0,4}教师|中小学教师/ },
  { basis: 'primary_secondary', appliesTo: TRAINING, pattern: /中小学(?:生)?|初中生|小学生/ },
  { basis: 'community', appliesTo: TRAINING, pattern: /社区(?:居民)?/ },
  { basis: 'military', appliesTo: TRAINING, pattern: /部队|军人|官兵/ },
  { basis: 'villages', appliesTo: TRAINING, pattern: /村镇|乡镇|农民|乡村|新型职业农民/ },
  { basis: 'enterprise', appliesTo: TRAINING, pattern: /企业职工|企业员工|企事业单位|行业企业|企业/ },
  { basis: 'regional_cooperation', appliesTo: TRAINING, pattern: /京津冀|对口(?:支援|帮扶|合作|协作)|区域合作|合作地区|河北|天津|援疆|援藏/ },
  { basis: 'graduated_within_3y', appliesTo: ['graduate_satisfaction'], pattern: /毕业三年内|毕业三年以内|近三年毕业/ },
];

/** The count a share with this basis is over (bases.csv's denominator). */
export const BASIS_DENOMINATOR: Record<string, string> = {
  of_specialised: 'specialised_teachers',
  of_fulltime: 'fulltime_teachers',
};

/** Words saying which schools a value covers. */
export const SCOPE_WORDS: Array<{ scope: 'public_schools' | 'private_schools'; pattern: RegExp }> = [
  { scope: 'public_schools', pattern: /公办/ },
  { scope: 'private_schools', pattern: /民办/ },
];

/** Indicators whose value for a school year is the year the school year starts (autumn). */
export const START_OF_SCHOOL_YEAR = new Set(['intake', 'enrolment', 'general_intake', 'vocational_share', 'general_vocational_ratio']);

/** Words allowed between a term and its number ("比例达 87%", "总数为344人", "就业率：100%"). */
export const CONNECTORS = [
  '总人数为', '总数为', '总额为', '总量为', '均为', '均达到', '均达', '均在', '都是', '都为', '分别为', '已达到', '已达',
  '高达', '达到', '共计', '共有', '合计', '总计', '平均', '总人数', '总数', '总额', '人数', '规模', '水平', '为', '是',
  '达', '共', '计', '有', '在', '的', '：', ':', '*', '为：',
];

/** Before a number: it is not exact ("超5.8万人次", "逾68909人次", "近万台次"). */
export const APPROX_BEFORE = /(?:超过|超|逾|近|约|将近|接近|大约|不足|不到)\s*$/;
/** After a number and its unit: it is not exact ("500余人", "99%以上"). */
export const APPROX_AFTER = /^\s*(?:余|多|以上|左右|以下|上下|来)/;
/** Words in the gap that make the number a change, not a level ("增加 2746.67 万元"). */
export const CHANGE_WORDS = /增加|减少|增长|下降|上升|降低|提高|提升|增幅|降幅|增量|变化|同比|较上年|比上年|比去年|增减/;
/** From–to: "由 2020 年的 217 人增长为 231 人" (the second number is the level). */
export const FROM_TO = /^由.{0,24}?(?:增长|增加|提高|提升|上升|下降|减少|降低|变)(?:为|到|至)$/;
/** Table rows that hold changes, not levels. */
export const CHANGE_ROW = /^(?:增长|增量|变化|增减|同比|较上年|增幅|降幅|比上年|差额)/;
/** Table row labels meaning "all of the above". */
export const TOTAL_ROW = /^(?:合\s*计|总\s*计|小\s*计|全区|全部|总数|总体)$/;
/** Sub-column headers that mean the total of a column group. */
export const TOTAL_COLUMN = /^(?:小\s*计|合\s*计|总\s*计|总数|计|全部)$/;
/** Column headers that make plain numbers percentages. */
export const PERCENT_HEADER = /比率|比例|占比|百分比|%|％|率$/;

/** District names as reports write them (the ids are data/districts.csv's). */
export const DISTRICT_NAMES: Record<string, string> = {
  dongcheng: '东城',
  xicheng: '西城',
  chaoyang: '朝阳',
  haidian: '海淀',
  fengtai: '丰台',
  shijingshan: '石景山',
  tongzhou: '通州',
  shunyi: '顺义',
  daxing: '大兴',
  changping: '昌平',
  fangshan: '房山',
  mentougou: '门头沟',
  pinggu: '平谷',
  huairou: '怀柔',
  miyun: '密云',
  yanqing: '延庆',
};
