// Text of the methodology's section on doubtful bases and ranks: long, and
// read only here, so it stays in this view's lazy chunk.
export const DOUBTFUL_TEXT = {
  zh: {
    doubtful: '分母存疑的数值与排名',
    doubtfulBody: '有的报告给比例标注的分母与其自身的人数不符。例如昌平区 2023 年报告表 1-4 称“双师型”教师占专技岗教师 95.27%，但 141 ÷ 308 = 45.8%，95.27% 实为占专业教师比例（141 ÷ 148）；同一行 2021 年的 88.2% 无人数可核，很可能也是占专业教师比例。这样的数值照录并标为“分母存疑”：图表中排在有排名的区之后，以灰色斜纹（折线图中为不与折线相连的空心方块）绘出，标明“不排名”，不参与排名、中位数和地图配色，其原因列在图下注释中。同一区、同一年份、同一口径若另有数值（如由人数计算的 45.8%），则绘出该值，报告所述数值列为其他数值并在注释中说明。',
    ranks: '排名',
    ranksBody: '排名在所示的区之间计算，方向由指标决定（生师比等越低越好）。数值相同的区名次相同，并写作“并列第 1”，下一名次顺延（1、1、3）。排名只用于同一口径、同一年份（或各区最新年份）的数值。',
  },
  en: {
    doubtful: 'Values on a doubtful basis, and ranks',
    doubtfulBody: "Some reports label a share with a denominator that their own counts contradict. Changping's 2023 report, Table 1-4, calls 95.27% the share of double-qualified teachers among all 专技岗 teachers, but 141 ÷ 308 = 45.8%: 95.27% is the share of specialised teachers (141 ÷ 148); the same row's 88.2% for 2021 has no counts to check and is probably the same. Such values are kept as stated and flagged basis in doubt: charts draw them after the ranked districts, in grey stripes (in a line chart as hollow squares not joined to the line), marked not ranked; they take no part in ranks, medians or the map's colour scale, and the notes under the chart give the reason. Where the same district, year and basis has another value (here the 45.8% computed from the counts), that value is drawn and the stated one is listed beside it and named in the notes.",
    ranks: 'Ranks',
    ranksBody: 'Ranks are among the districts shown, in the direction the indicator sets (for a student–teacher ratio lower is better). Equal values share a rank, written as tied (并列第 1), and the next rank skips (1, 1, 3). Only values of one basis and one year (or each district’s latest) are ranked together.',
  },
};
