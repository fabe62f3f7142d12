// The grammar's fixed shapes: table rows and headers that hold changes, totals
// or percentages, the from–to construction, and which indicators a school year
// gives its autumn year. The words naming indicators, bases and scopes are data
// (data/lexicon.csv, read by lexicon.ts).

/** Indicators whose value for a school year is the year the school year starts (autumn). */
export const START_OF_SCHOOL_YEAR = new Set(['intake', 'enrolment', 'general_intake', 'vocational_share', 'general_vocational_ratio']);

/** From–to: "由 2020 年的 217 人增长为 231 人" (the second number is the level). */
export const FROM_TO = /^[由从].{0,24}?(?:增长|增加|提高|提升|上升|下降|减少|降低|变)(?:为|到|至)(?:(?:19|20)[0-9]{2}年(?:度|末|底)?(?:的)?)?$/;
/** Table rows that hold changes, not levels. */
export const CHANGE_ROW = /^(?:增长|增量|变化|增减|同比|较上年|增幅|降幅|比上年|差额)/;
/** Table row labels comparing two years ("2023年比2022年增减", "较上年变化"): a change, wherever the words stand. */
export const CHANGE_LABEL = /(?:比|较|与)\s*(?:(?:19|20)[0-9]{2}\s*年?度?|上年|去年|上一年度?)(?:相比)?\s*(?:增减|增长|增加|减少|变化|变动|增幅|降幅|增量|差额)|(?:增减|变动|变化|增量|增幅|降幅|差额)(?:幅度|率|数|量)?$/;
/** Table row labels meaning "all of the above". */
export const TOTAL_ROW = /^(?:合\s*计|总\s*计|小\s*计|全区|全部|总数|总体)$/;
/** Sub-column headers that mean the total of a column group. */
export const TOTAL_COLUMN = /^(?:小\s*计|合\s*计|总\s*计|总数|计|全部)$/;
/** Column headers that make plain numbers percentages. */
export const PERCENT_HEADER = /比率|比例|占比|百分比|%|％|率$/;
