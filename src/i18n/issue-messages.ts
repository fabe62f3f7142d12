// Problems found in input, in the reader's language. The codes and the
// English wording live with the checks (src/domain/issue-text.ts); here is the
// Chinese for every code, with the same {placeholders}.
import { ISSUE_EN, type IssueCode } from '../domain/issue-text.ts';
import { fillTemplate, type Issue } from '../domain/issues.ts';
import type { Rejection } from '../domain/import.ts';
import type { Lang } from './i18n.ts';

export const ISSUE_ZH: Record<IssueCode, string> = {
  'cell.empty': '为空',
  'cell.tooLong': '长 {length} 个字符，超过 {field} 的上限 {limit}',
  'row.tooLong': '整行长 {length} 个字符，超过每行的上限 {limit}',
  'cell.invalidId': '“{value}”不是有效代码（只能用小写字母、数字、“-”和“_”）',
  'cell.notWholeNumber': '“{value}”不是整数',
  'cell.notNumber': '“{value}”不是数字',
  'cell.notBoolean': '“{value}”只能是 true、false 或留空',
  'cell.notOneOf': '“{value}”不是以下之一：{allowed}',
  'source.yearMaxBeforeMin': '{max} 早于 year_min {min}',

  'csv.unclosedQuote': '有一个带引号的单元格没有闭合（引号 " 不成对）',
  'csv.strayQuote': '单元格内的引号（"）必须写成两个（""）',
  'csv.other': 'CSV 格式错误：{detail}',
  'csv.cellCount': '有 {cells} 个单元格，而表头有 {columns} 列（是否有未加引号的单元格含逗号？）',
  'file.empty': '文件是空的；需要一行表头和至少一行数据',
  'file.noRows': '只有表头，没有数据行；请添加数据行或删除该文件',
  'file.notUtf8': '不是有效的 UTF-8（第 {offset} 字节为 0x{byte}）；请把文件另存为 UTF-8（Excel 导出的 GBK/GB18030 需要转换）',
  'header.noNames': '第一行没有列名（开头是“{start}”）；文件需要表头行',
  'header.repeated': '列“{column}”出现了两次',
  'header.unknown': '未知的列“{column}”',
  'header.unknownGuess': '未知的列“{column}”（是否应为“{guess}”？）',
  'header.missing': '缺少列“{column}”',

  'district.unknown': '未知的区“{id}”',
  'indicator.unknown': '未知的指标“{id}”',
  'source.unknown': '未知的来源“{id}”（不在 data/sources.csv 中）',
  'source.otherDistrict': '“{source}”是 {owner} 的报告，而这一行属于“{district}”',
  'basis.unknown': '未知的口径“{id}”（不在 data/bases.csv 中）',
  'basis.notApplicable': '口径“{basis}”不适用于“{indicator}”（它适用于 {appliesTo}）',
  'scope.unknown': '“{scope}”不是以下之一：{allowed}（全部学校请留空）',
  'scope.citywide': '“citywide”指全北京市而非本区：全市数字不属于区的数据',

  'year.notFourDigits': '“{value}”不是四位数的年份（学年如 2020-2021 请写在 period 列）',
  'year.outsideSource': '{year} 不在 {source} 可描述的年份范围 {min}–{max} 内',
  'year.outside': '{year} 不在 {min}–{max} 范围内',

  'flags.unknown': '未知的标记“{flag}”（可用：{known}；多个标记用“;”分隔）',
  'flags.repeated': '标记“{flag}”出现了两次',
  'flags.importedByCurator': '“imported”由浏览器导入自动设置，整理数据时不能使用',
  'flags.scopeNeedsPartial': '范围为“{scope}”，因此这一行必须带 partial_scope 标记',
  'note.needed': '为空，但标记 {flags} 需要说明原因',

  'value.empty': '为空（缺失数据应不写这一行，而不是留空数值）',
  'value.missingMarker': '{shown} 不是数字：缺失数据应不写这一行，而不是写一个值——请删除这一行',
  'value.fullWidth': '{shown} 使用了全角字符；请写成 {number}',
  'value.fullWidthNotNumber': '{shown} 使用了全角字符，换成半角（{ascii}）也不是普通数字；请用半角数字写一个普通数字',
  'value.percentSign': '{shown} 带百分号；请写成 {number}（百分比按 0–100 存储，不带百分号）',
  'value.thousandsSeparator': '{shown} 带千位分隔符；请写成 {number}',
  'value.ratioToOne': '{shown} 是比值；x:1 的比值（如生师比、普职比）请写成 {number}',
  'value.ratioShare': '{shown} 是比值；请换算：职普比 {a}:{b} 即中职占比 {share}',
  'value.chineseUnit': '{shown} 带中文数量单位；请换算为指标的单位，只写数字',
  'value.unit': '{shown} 带单位；请按指标的单位只写数字',
  'value.notNumber': '{shown} 不是数字',
  'value.percentOutside': '{value} 是超出 0–100 的百分比（如果报告确实如此，请标记 implausible 并说明）',
  'value.implausible': '{value} 超出 {indicator} 的合理范围 {min}–{max}；请保留并标记 implausible，附上说明',
  'value.notInQuote': '{value} 不在引文中（引文中的数字为 {numbers}）；计算得出的值需要 derived 标记和公式',
  'value.notInQuoteNoNumbers': '{value} 不在引文中（引文中没有数字）；计算得出的值需要 derived 标记和公式',
  'value.powerOfTen': '{value} 不在引文中：引文给出的是 {number}，而 {value} 是它的 {factor} 倍——请检查小数点和单位',
  'unit.mismatch': '单位“{unit}”与 {indicator} 的单位“{expected}”不符',

  'quote.tooShort': '太短，无法定位（{length} 个字符）；请引用完整的短语或表格行',
  'quote.notFoundAfter': '在 {file} 中找不到原文（与原文一致到“{prefix}”，之后不同）；请逐字复制，只有空白可以不同',
  'quote.notFound': '在 {file} 中找不到原文（连第一个字符都不一致）；请逐字复制，只有空白可以不同',

  'formula.emptyDerived': '为空，但这一行是派生值；请写出算式，例如 18320.96 - 2746.67',
  'formula.invalid': '“{formula}”有误：{detail}',
  'formula.wrongResult': '“{formula}”的结果是 {result}，不是 {value}',
  'formula.numbersNotInQuote': '用到了 {numbers}，但引文中没有这些数字',
  'formula.notDerived': '填写了公式，但这一行没有 derived 标记',

  'row.duplicate': '与 {other} 重复（区、年份、指标、口径、范围、来源和位置都相同）；请删除一行，或写明能区分两者的位置',
  'flags.disagrees': '数值 {value} 与 {where} 的 {other} 不符，二者是同一数量；请两行都保留，都标记 conflict 并在说明中写明原因',
  'flags.lonelyConflict': '标记了 conflict，但没有别的行对这一数量给出不同的数值；请把另一处的数值也记录下来',
  'flags.smallSample': '是基于 {n} 人（{denominator}，见 {where}）的比率；请标记 small_sample',

  'import.duplicateOfLine': '与第 {line} 行重复（区、年份、指标、口径、范围、来源和位置都相同）；请删除一行，或写明能区分两者的位置',
  'import.duplicateOfBundled': '本站数据中已有这一行（{where}，数值 {other}）：区、年份、指标、口径、范围、来源和位置都相同',
  'import.disagreesWithLine': '数值 {value} 与第 {line} 行的 {other} 不符（区、年份、指标、口径和范围都相同）；如果两者都对，请都标记 conflict 并在说明中写明原因',
  'import.disagreesWithBundled': '数值 {value} 与本站数据的 {other}（{where}）不符（区、年份、指标、口径和范围都相同）；如果你的数值无误，请标记 conflict 并在说明中写明原因',
  'import.lonelyConflict': '标记了 conflict，但这个文件和本站数据都没有对这一数量给出不同的数值；请去掉标记，或补上另一处的数值',
  'review.bundledUnflagged': '本站数据中 {source}（{locator}）对同一数量记为 {other}，且未标记冲突；请把两行都标为 conflict（本站那一行在它自己的 data/observations 文件中修改），或不收录这一行',
};

const PSEUDO_FIELDS: Record<string, Record<Lang, string>> = {
  '(row)': { zh: '（整行）', en: '(row)' },
  '(csv)': { zh: '（CSV 格式）', en: '(csv)' },
  '(file)': { zh: '（文件）', en: '(file)' },
};

/** A field as shown: column names as they are in the file, the row/file/CSV markers translated. */
export function fieldLabel(field: string, lang: Lang): string {
  return PSEUDO_FIELDS[field]?.[lang] ?? field;
}

/** One problem in the reader's language. */
export function issueText(i: Pick<Issue, 'code' | 'params' | 'message'>, lang: Lang): string {
  if (!i.code) return i.message;
  return fillTemplate(lang === 'zh' ? ISSUE_ZH[i.code] : ISSUE_EN[i.code], i.params);
}

/** Why a row was refused, as the rejections table shows it beside the row's first field. */
export function rejectionText(r: Rejection, lang: Lang): string {
  const sep = lang === 'zh' ? '；' : '; ';
  if (r.issues.length === 1 && r.issues[0]!.field === r.field) return issueText(r.issues[0]!, lang);
  return r.issues.map((i) => `${fieldLabel(i.field, lang)}${lang === 'zh' ? '：' : ': '}${issueText(i, lang)}`).join(sep);
}

/** Why a row was refused, every problem led by its field (the rejected-rows CSV's reason column). */
export function rejectionReason(r: Rejection, lang: Lang): string {
  const sep = lang === 'zh' ? '；' : '; ';
  return r.issues.map((i) => `${fieldLabel(i.field, lang)}${lang === 'zh' ? '：' : ': '}${issueText(i, lang)}`).join(sep);
}
