// The English wording of every issue code. The build prints these; the app
// shows them in English and has a Chinese table with the same codes and
// placeholders (src/i18n/issue-messages.ts).

export const ISSUE_EN = {
  // Cells and rows
  'cell.empty': 'is empty',
  'cell.tooLong': 'is {length} characters long; the limit for {field} is {limit}',
  'row.tooLong': 'is {length} characters long; the limit for one row is {limit}',
  'cell.invalidId': "'{value}' is not a valid id (lower-case letters, digits, '-' and '_')",
  'cell.notWholeNumber': "'{value}' is not a whole number",
  'cell.notNumber': "'{value}' is not a number",
  'cell.notBoolean': "'{value}' must be true, false or empty",
  'cell.notOneOf': "'{value}' is not one of {allowed}",
  'source.yearMaxBeforeMin': '{max} is before year_min {min}',

  // CSV structure
  'csv.unclosedQuote': 'a quoted cell is never closed (unbalanced ")',
  'csv.strayQuote': 'a quote character (") inside a cell must be doubled ("")',
  'csv.other': '{detail}',
  'csv.cellCount': 'has {cells} cells but the header has {columns} columns (a comma inside an unquoted cell?)',
  'file.empty': 'the file is empty; it needs a header row and at least one row',
  'file.noRows': 'has a header but no rows; add rows or delete the file',
  'file.notUtf8': 'not valid UTF-8 (byte 0x{byte} at offset {offset}); save the file as UTF-8 (GBK/GB18030 exports from Excel need converting)',
  'header.noNames': "the first row holds no column names (it starts '{start}'); the file needs the header row",
  'header.repeated': "column '{column}' appears twice",
  'header.unknown': "unknown column '{column}'",
  'header.unknownGuess': "unknown column '{column}' (did you mean '{guess}'?)",
  'header.missing': "missing column '{column}'",

  // Ids
  'district.unknown': "unknown district '{id}'",
  'indicator.unknown': "unknown indicator '{id}'",
  'source.unknown': "unknown source '{id}' (not in data/sources.csv)",
  'source.otherDistrict': "'{source}' is {owner}'s report but the row is for '{district}'",
  'basis.unknown': "unknown basis '{id}' (not in data/bases.csv)",
  'basis.notApplicable': "'{basis}' does not apply to '{indicator}' (it applies to {appliesTo})",
  'scope.unknown': "'{scope}' is not one of {allowed} (leave empty for all schools)",
  'scope.citywide': "'citywide' describes all of Beijing, not the district: a city-wide figure has no place in a district's data",

  // Year
  'year.notFourDigits': "'{value}' is not a four-digit year (put a school year such as 2020-2021 in 'period')",
  'year.outsideSource': '{year} is outside {source}\'s range {min}–{max} (the years this report can describe)',
  'year.outside': '{year} is outside {min}–{max}',

  // Flags and notes
  'flags.unknown': "unknown flag '{flag}' (known: {known}; separate flags with ';')",
  'flags.repeated': "flag '{flag}' appears twice",
  'flags.importedByCurator': "'imported' is set by the browser import, not by curators",
  'flags.scopeNeedsPartial': "scope is '{scope}' so the row must carry partial_scope",
  'note.needed': 'is empty but flag {flags} needs a note saying why',

  // Value
  'value.empty': 'is empty (missing data is the absence of a row, never an empty value)',
  'value.missingMarker': '{shown} is not a number: missing data is the absence of a row, never a value — delete the row',
  'value.fullWidth': '{shown} uses full-width characters; write {number}',
  'value.fullWidthNotNumber': '{shown} uses full-width characters, and in ASCII ({ascii}) it is not a plain number either; write a plain number in ASCII digits',
  'value.percentSign': '{shown} has a percent sign; write {number} (percentages are stored as 0–100 without the sign)',
  'value.thousandsSeparator': '{shown} has a thousands separator; write {number}',
  'value.ratioToOne': '{shown} is a ratio; write {number} for an x:1 ratio such as 生师比 or 普职比',
  'value.ratioShare': '{shown} is a ratio; convert it: a 职普比 of {a}:{b} is a vocational share of {share}',
  'value.chineseUnit': "{shown} has a Chinese unit; convert it to the indicator's unit and write the plain number",
  'value.unit': "{shown} has a unit; write the plain number in the indicator's unit",
  'value.notNumber': '{shown} is not a number',
  'value.percentOutside': '{value} is a percentage outside 0–100 (flag it implausible with a note if the report really says so)',
  'value.implausible': '{value} is outside the plausible range {min}–{max} for {indicator}; keep it and flag it implausible with a note',
  'value.notInQuote': '{value} does not appear in the quote (it states {numbers}); a computed value needs the derived flag and a formula',
  'value.notInQuoteNoNumbers': '{value} does not appear in the quote (it states no number); a computed value needs the derived flag and a formula',
  'value.powerOfTen': '{value} does not appear in the quote: the quote states {number}, and {value} is that × {factor} — check the decimal point and the unit',
  'unit.mismatch': "'{unit}' does not match {indicator}'s unit '{expected}'",

  // Quote
  'quote.tooShort': 'is too short to locate ({length} characters); quote the whole phrase or table row',
  'quote.notFoundAfter': "not found verbatim in {file} (it matches up to '{prefix}' and then differs); copy it exactly, only whitespace may differ",
  'quote.notFound': 'not found verbatim in {file} (not even its first character matches); copy it exactly, only whitespace may differ',

  // Formula (curated rows)
  'formula.emptyDerived': 'is empty but the row is derived; write the arithmetic, e.g. 18320.96 - 2746.67',
  'formula.invalid': "'{formula}' {detail}",
  'formula.wrongResult': "'{formula}' gives {result}, not {value}",
  'formula.numbersNotInQuote': 'uses {numbers}, which the quote does not contain',
  'formula.notDerived': 'is set but the row is not flagged derived',

  // Rows against each other (the build: within a district's files)
  'row.duplicate': 'duplicate of {other} (same district, year, indicator, basis, scope, source and locator); remove one, or give the locators that tell them apart',
  'flags.disagrees': 'value {value} disagrees with {other} at {where} for the same quantity; keep both, flag both conflict and say why in the notes',
  'flags.lonelyConflict': 'is flagged conflict but no other row states this quantity differently; record the other statement too',
  'flags.smallSample': 'is a rate over {n} ({denominator} at {where}); flag it small_sample',

  // Rows against each other (the import: within the file and against the bundled data)
  'import.duplicateOfLine': 'duplicate of line {line} (same district, year, indicator, basis, scope, source and locator); remove one, or give the locators that tell them apart',
  'import.duplicateOfBundled': 'already in the bundled data ({where}, value {other}): same district, year, indicator, basis, scope, source and locator',
  'import.disagreesWithLine': 'value {value} disagrees with {other} on line {line} for the same district, year, indicator, basis and scope; if both are meant, flag both conflict and say why in the notes',
  'import.disagreesWithBundled': 'value {value} disagrees with the bundled value {other} ({where}) for the same district, year, indicator, basis and scope; if yours is meant, flag it conflict and say why in the notes',
  'import.lonelyConflict': 'is flagged conflict but neither this file nor the bundled data states this quantity differently; remove the flag or add the other statement',
  'review.bundledUnflagged': 'the bundled row of {source} ({locator}) states {other} for this quantity without the conflict flag; flag both conflict (the bundled one in its own data/observations file) or leave this row out',
} as const;

export type IssueCode = keyof typeof ISSUE_EN;
