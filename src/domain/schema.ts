// Column lists of every curated table and the readers that turn a CSV record
// into a typed reference entry, reporting each bad cell as an Issue.
import type { CsvRecord } from './csv.ts';
import { issueOf, type Issue, type IssueCode, type IssueParams } from './issues.ts';
import { limitFor, ROW_LIMIT } from './limits.ts';
import type { Basis, District, Group, Indicator, Source } from './types.ts';
import { UNITS, type UnitId } from './vocab.ts';

export interface TableSpec<T> {
  required: readonly string[];
  optional: readonly string[];
  read: (r: CsvRecord, file: string, issues: Issue[]) => T | null;
}

/** Columns of curated observation files. */
export const OBSERVATION_COLUMNS = {
  required: ['district', 'year', 'indicator', 'value', 'source', 'locator', 'quote'],
  optional: ['period', 'basis', 'scope', 'flags', 'formula', 'note_zh', 'note_en'],
} as const;

/**
 * Columns of public/data/observations.csv. The import accepts this file back,
 * so its extra columns are known to the import schema.
 */
export const PUBLIC_CSV_COLUMNS = [
  'id',
  'district',
  'district_zh',
  'district_en',
  'year',
  'period',
  'indicator',
  'indicator_zh',
  'indicator_en',
  'value',
  'unit',
  'basis',
  'scope',
  'source',
  'source_title',
  'locator',
  'quote',
  'flags',
  'formula',
  'inputs',
  'note_zh',
  'note_en',
] as const;

export const DERIVATION_COLUMNS = {
  required: ['district', 'year', 'indicator', 'method', 'numerator', 'source'],
  optional: ['basis', 'scope', 'denominator', 'note_zh', 'note_en'],
} as const;

class CellReader {
  constructor(
    private r: CsvRecord,
    private file: string,
    private issues: Issue[],
  ) {
    const total = Object.values(r.cells).reduce((n, v) => n + v.length + 1, -1);
    if (total > ROW_LIMIT) this.fail('(row)', 'row.tooLong', { length: total, limit: ROW_LIMIT });
  }
  ok = true;

  private fail(field: string, code: IssueCode, params: IssueParams = {}): void {
    this.issues.push(issueOf({ file: this.file, line: this.r.line }, field, code, params));
    this.ok = false;
  }

  text(field: string, required = false): string {
    const raw = this.r.cells[field] ?? '';
    // Too long is reported once, and the cell is not read (nor echoed) further.
    if (raw.length > limitFor(field)) {
      this.fail(field, 'cell.tooLong', { length: raw.length, field, limit: limitFor(field) });
      return '';
    }
    const v = raw.trim();
    if (required && v === '') this.fail(field, 'cell.empty');
    return v;
  }

  id(field: string): string {
    const v = this.text(field, true);
    if (v !== '' && !/^[a-z0-9][a-z0-9_-]*$/.test(v)) this.fail(field, 'cell.invalidId', { value: v });
    return v;
  }

  int(field: string, required = true): number | null {
    const v = this.text(field, required);
    if (v === '') return null;
    if (!/^-?\d+$/.test(v)) {
      this.fail(field, 'cell.notWholeNumber', { value: v });
      return null;
    }
    return Number(v);
  }

  num(field: string): number | null {
    const v = this.text(field);
    if (v === '') return null;
    if (!/^-?\d+(\.\d+)?$/.test(v)) {
      this.fail(field, 'cell.notNumber', { value: v });
      return null;
    }
    return Number(v);
  }

  bool(field: string): boolean | null {
    const v = this.text(field).toLowerCase();
    if (v === '') return null;
    if (v === 'true' || v === 'false') return v === 'true';
    this.fail(field, 'cell.notBoolean', { value: v });
    return null;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const v = this.text(field, true);
    if (v !== '' && !allowed.includes(v as T)) this.fail(field, 'cell.notOneOf', { value: v, allowed: allowed.join(', ') });
    return v as T;
  }
}

export const GROUP_SPEC: TableSpec<Group> = {
  required: ['id', 'name_zh', 'name_en', 'order'],
  optional: [],
  read(r, file, issues) {
    const c = new CellReader(r, file, issues);
    const g: Group = { id: c.id('id'), nameZh: c.text('name_zh', true), nameEn: c.text('name_en', true), order: c.int('order') ?? 0 };
    return c.ok ? g : null;
  },
};

export const DISTRICT_SPEC: TableSpec<District> = {
  required: ['id', 'name_zh', 'name_en', 'group'],
  optional: ['pinyin', 'tile_col', 'tile_row', 'note_zh', 'note_en'],
  read(r, file, issues) {
    const c = new CellReader(r, file, issues);
    const col = c.int('tile_col', false);
    const row = c.int('tile_row', false);
    const d: District = {
      id: c.id('id'),
      nameZh: c.text('name_zh', true),
      nameEn: c.text('name_en', true),
      group: c.text('group', true),
      pinyin: c.text('pinyin').toLowerCase(),
      tile: col !== null && row !== null ? [col, row] : null,
      noteZh: c.text('note_zh'),
      noteEn: c.text('note_en'),
    };
    return c.ok ? d : null;
  },
};

export const INDICATOR_SPEC: TableSpec<Indicator> = {
  required: ['id', 'name_zh', 'name_en', 'unit', 'category', 'decimals', 'definition_zh', 'definition_en'],
  optional: ['higher_is_better', 'denominator', 'plausible_min', 'plausible_max'],
  read(r, file, issues) {
    const c = new CellReader(r, file, issues);
    const ind: Indicator = {
      id: c.id('id'),
      nameZh: c.text('name_zh', true),
      nameEn: c.text('name_en', true),
      unit: c.oneOf<UnitId>('unit', UNITS),
      category: c.text('category', true),
      decimals: c.int('decimals') ?? 0,
      higherIsBetter: c.bool('higher_is_better'),
      denominator: c.text('denominator'),
      plausibleMin: c.num('plausible_min'),
      plausibleMax: c.num('plausible_max'),
      definitionZh: c.text('definition_zh', true),
      definitionEn: c.text('definition_en', true),
    };
    return c.ok ? ind : null;
  },
};

export const BASIS_SPEC: TableSpec<Basis> = {
  required: ['id', 'name_zh', 'name_en'],
  optional: ['applies_to', 'denominator', 'definition_zh', 'definition_en'],
  read(r, file, issues) {
    const c = new CellReader(r, file, issues);
    const b: Basis = {
      id: c.id('id'),
      nameZh: c.text('name_zh', true),
      nameEn: c.text('name_en', true),
      appliesTo: c.text('applies_to').split(/\s+/).filter(Boolean),
      denominator: c.text('denominator'),
      definitionZh: c.text('definition_zh'),
      definitionEn: c.text('definition_en'),
    };
    return c.ok ? b : null;
  },
};

export const SOURCE_SPEC: TableSpec<Source> = {
  required: ['id', 'district', 'title', 'title_year', 'file', 'sha256', 'year_min', 'year_max'],
  optional: ['title_en', 'published', 'publisher', 'original_file', 'added', 'note_zh', 'note_en'],
  read(r, file, issues) {
    const c = new CellReader(r, file, issues);
    const s: Source = {
      id: c.id('id'),
      district: c.text('district', true),
      title: c.text('title', true),
      titleEn: c.text('title_en'),
      titleYear: c.int('title_year') ?? 0,
      published: c.text('published'),
      publisher: c.text('publisher'),
      file: c.text('file', true),
      originalFile: c.text('original_file'),
      sha256: c.text('sha256', true).toLowerCase(),
      yearMin: c.int('year_min') ?? 0,
      yearMax: c.int('year_max') ?? 0,
      added: c.text('added'),
      noteZh: c.text('note_zh'),
      noteEn: c.text('note_en'),
    };
    if (s.yearMin > s.yearMax) {
      issues.push(issueOf({ file, line: r.line }, 'year_max', 'source.yearMaxBeforeMin', { max: s.yearMax, min: s.yearMin }));
      return null;
    }
    return c.ok ? s : null;
  },
};
