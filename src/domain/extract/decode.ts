// A report's text from its bytes: UTF-8 (with or without BOM), else GB18030,
// the encoding Chinese Windows tools save plain text in. A file that is
// neither gets one clear message naming where UTF-8 broke.
import { decodeUtf8 } from '../csv.ts';
import type { Issue } from '../issues.ts';

export type ReportEncoding = 'utf-8' | 'gb18030';
export type DecodedReport = { ok: true; text: string; encoding: ReportEncoding } | { ok: false; issue: Issue };

export function decodeReportText(bytes: Uint8Array, file: string): DecodedReport {
  const utf8 = decodeUtf8(bytes, file);
  if (utf8.ok) return { ok: true, text: utf8.text, encoding: 'utf-8' };
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    // GB18030 decodes almost any byte string; a real Chinese report is mostly CJK text.
    const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
    if (cjk >= 10 && cjk / Math.max(1, text.replace(/\s/g, '').length) > 0.2) return { ok: true, text, encoding: 'gb18030' };
  } catch {
    // neither encoding
  }
  return { ok: false, issue: { ...utf8.issue, message: utf8.issue.message.replace('save the file as UTF-8 (GBK/GB18030 exports from Excel need converting)', 'and not GB18030 either: save the report as UTF-8 or GB18030 plain text') } };
}
