// The review workbench's own interface text: it ships in the workbench's lazy
// chunk, in both languages, not in the first download.
import { useMemo } from 'react';
import { fillTemplate } from '../../domain/issues.ts';
import { useLang } from '../../i18n/use-t.ts';

const zh = {
  'review.intro': '找到 {n} 个候选值。逐个对照原文高亮的段落核对：接受、修改或拒绝；接受的值可下载为本站数据构建（npm run data）直接接受的文件。',
  'review.readAs': '（按 GB18030 编码读取）',
  'review.notText': '无法读取这份报告：它既不是 UTF-8 也不是 GB18030 纯文本（第 {line} 行起）。',
  'review.district': '区',
  'review.source': '来源编号',
  'review.counts': '已接受 {accepted} · 已拒绝 {rejected} · 待核对 {pending}',
  'review.keys': '键盘：↑/↓ 或 j/k 移动 · a 接受 · e 或回车 修改 · r 拒绝 · u 撤销；修改时回车保存、Esc 取消。',
  'review.none': '这份文本中没有找到候选值。',
  'review.listLabel': '候选数值',
  'review.accept': '接受 (a)',
  'review.edit': '修改 (e)',
  'review.reject': '拒绝 (r)',
  'review.undo': '撤销 (u)',
  'review.save': '保存并接受',
  'review.cancel': '取消',
  'review.status.pending': '待核对',
  'review.status.accepted': '已接受',
  'review.status.rejected': '已拒绝',
  'review.edited': '已修改',
  'review.conflictBadge': '与本站数据冲突',
  'review.knownBadge': '本站已有',
  'review.problemBadge': '{n} 个问题',
  'review.locator': '位置',
  'review.citywide': '这是全市数字，不是本区的数值：本站数据不收录，接受后构建会拒绝。',
  'review.conflict': '本站数据中 {source}（{locator}）记为 {value}，与此不同。若两者都保留，须都标为“冲突”。',
  'review.known': '本站数据中 {source}（{locator}）也记为 {value}。',
  'review.scope': '范围',
  'review.flags': '标注',
  'review.noteZh': '说明（中文）',
  'review.noteEn': '说明（英文）',
  'review.quoteMissing': '引文在报告中找不到。',
  'review.textLabel': '报告原文，高亮为所选数值的引文',
  'review.outTitle': '下载给数据构建用的文件',
  'review.outIntro': '把 {source}.csv 放到 data/observations/，{source}.txt 放到 data/sources/，用下载的 sources.csv 替换 data/sources.csv（或把下面一行加到它末尾），然后运行 npm run data。',
  'review.sourceKnown': '本站已有来源 {id}：这份报告已收录，或请在上方换一个区。',
  'review.needDistrict': '请先选择这份报告所属的区。',
  'review.problems': '数据构建会拒绝 {n} 处问题，改正后才能下载：',
  'review.problemAt': '第 {n} 个候选值',
  'review.downloadCsv': '下载观测值 {file}（{n} 行）',
  'review.downloadTxt': '下载报告文本 {file}（UTF-8）',
  'review.downloadSources': '下载 sources.csv（已加入这份报告）',
  'review.sourceRow': 'data/sources.csv 新增的一行：',
  'review.addHere': '把接受的 {n} 个值加入本浏览器中的导入数据',
};

type ReviewKey = keyof typeof zh;

const en: Record<ReviewKey, string> = {
  'review.intro': '{n} candidate values found. Check each against its passage, highlighted in the text: accept, edit or reject it; the accepted values download as files the data build (npm run data) takes as they are.',
  'review.readAs': '(read as GB18030)',
  'review.notText': 'This report cannot be read: it is neither UTF-8 nor GB18030 plain text (from line {line}).',
  'review.district': 'District',
  'review.source': 'Source id',
  'review.counts': '{accepted} accepted · {rejected} rejected · {pending} to review',
  'review.keys': 'Keys: ↑/↓ or j/k move · a accept · e or Enter edit · r reject · u undo; while editing, Enter saves and Esc cancels.',
  'review.none': 'No candidate values were found in this text.',
  'review.listLabel': 'Candidate values',
  'review.accept': 'Accept (a)',
  'review.edit': 'Edit (e)',
  'review.reject': 'Reject (r)',
  'review.undo': 'Undo (u)',
  'review.save': 'Save and accept',
  'review.cancel': 'Cancel',
  'review.status.pending': 'To review',
  'review.status.accepted': 'Accepted',
  'review.status.rejected': 'Rejected',
  'review.edited': 'edited',
  'review.conflictBadge': 'conflicts with the bundled data',
  'review.knownBadge': 'already in the data',
  'review.problemBadge': '{n} problems',
  'review.locator': 'Place',
  'review.citywide': 'This is a city-wide figure, not the district’s: the dataset does not record it, and the build refuses it if accepted.',
  'review.conflict': 'The bundled data has {value} from {source} ({locator}) for this quantity. To keep both, flag both “conflict”.',
  'review.known': 'The bundled data has the same value, {value}, from {source} ({locator}).',
  'review.scope': 'Scope',
  'review.flags': 'Flags',
  'review.noteZh': 'Note (Chinese)',
  'review.noteEn': 'Note (English)',
  'review.quoteMissing': 'The quote is not in the report.',
  'review.textLabel': 'The report’s text, with the selected value’s quote highlighted',
  'review.outTitle': 'Files for the data build',
  'review.outIntro': 'Put {source}.csv in data/observations/ and {source}.txt in data/sources/, replace data/sources.csv with the downloaded one (or add the row below to it), then run npm run data.',
  'review.sourceKnown': 'The bundled data already has the source {id}: this report is in it already, or choose another district above.',
  'review.needDistrict': 'Choose the district this report is about first.',
  'review.problems': 'The data build would refuse {n} problems; fix them to download:',
  'review.problemAt': 'candidate {n}',
  'review.downloadCsv': 'Download the observations, {file} ({n} rows)',
  'review.downloadTxt': 'Download the report text, {file} (UTF-8)',
  'review.downloadSources': 'Download sources.csv (with this report added)',
  'review.sourceRow': 'The new row of data/sources.csv:',
  'review.addHere': 'Add the {n} accepted values to the data kept in this browser',
};

export type ReviewT = (key: ReviewKey, params?: Record<string, string | number>) => string;

export function useReviewT(): ReviewT {
  const lang = useLang();
  return useMemo(() => {
    const table = lang === 'zh' ? zh : en;
    return (key, params) => fillTemplate(table[key], params);
  }, [lang]);
}
