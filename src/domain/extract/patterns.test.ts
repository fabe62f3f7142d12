// The lexicon must speak the vocabulary of data/: every indicator and basis id
// exists there, with the same units and ranges, and bases apply where
// bases.csv says they do.
import { describe, expect, it } from 'vitest';
import basesCsv from '../../../data/bases.csv?raw';
import districtsCsv from '../../../data/districts.csv?raw';
import indicatorsCsv from '../../../data/indicators.csv?raw';
import { parseCsv } from '../csv.ts';
import type { Issue } from '../issues.ts';
import { BASIS_SPEC, DISTRICT_SPEC, INDICATOR_SPEC, type TableSpec } from '../schema.ts';
import { BASIS_DENOMINATOR, BASIS_RULES, DISTRICT_NAMES, INDICATOR_INFO, POST_RULES, TERM_RULES } from './patterns.ts';

function read<T extends { id: string }>(text: string, file: string, spec: TableSpec<T>): Map<string, T> {
  const { table, issues } = parseCsv(text, file, spec);
  const all: Issue[] = [...issues];
  const out = new Map<string, T>();
  for (const r of table.records) {
    const item = spec.read(r, file, all);
    if (item) out.set(item.id, item);
  }
  expect(all).toEqual([]);
  return out;
}

const indicators = read(indicatorsCsv, 'data/indicators.csv', INDICATOR_SPEC);
const bases = read(basesCsv, 'data/bases.csv', BASIS_SPEC);
const districts = read(districtsCsv, 'data/districts.csv', DISTRICT_SPEC);

describe('the lexicon uses the vocabulary of data/', () => {
  it('names only indicators that indicators.csv defines, with its unit and plausible range', () => {
    for (const [id, info] of Object.entries(INDICATOR_INFO)) {
      const ind = indicators.get(id);
      expect(ind, id).toBeDefined();
      expect({ id, unit: info.unit, min: info.min, max: info.max, denominator: info.denominator ?? '' }).toEqual({
        id,
        unit: ind!.unit,
        min: ind!.plausibleMin,
        max: ind!.plausibleMax,
        denominator: ind!.denominator,
      });
    }
    const named = [
      ...TERM_RULES.flatMap((r) => [r.indicator, r.share, ...(r.alternatives ?? [])]),
      ...POST_RULES.flatMap((r) => [r.indicator, r.share]),
      ...BASIS_RULES.flatMap((r) => r.appliesTo),
    ].filter((x): x is string => typeof x === 'string');
    for (const id of named) {
      expect(indicators.has(id), `${id} in indicators.csv`).toBe(true);
      expect(INDICATOR_INFO[id], `${id} in INDICATOR_INFO`).toBeDefined();
    }
  });

  it('names only bases that bases.csv defines, for indicators the basis applies to', () => {
    for (const rule of BASIS_RULES) {
      const b = bases.get(rule.basis);
      expect(b, rule.basis).toBeDefined();
      for (const ind of rule.appliesTo) expect(b!.appliesTo, `${rule.basis} applies to ${ind}`).toContain(ind);
    }
    for (const rule of TERM_RULES.filter((r) => r.basis)) {
      expect(bases.get(rule.basis!)?.appliesTo).toContain(rule.indicator);
    }
    for (const [id, den] of Object.entries(BASIS_DENOMINATOR)) expect(bases.get(id)?.denominator).toBe(den);
    for (const b of bases.values()) if (b.denominator) expect(BASIS_DENOMINATOR[b.id], b.id).toBe(b.denominator);
  });

  it('knows every district of districts.csv by its Chinese name', () => {
    expect(Object.keys(DISTRICT_NAMES).sort()).toEqual([...districts.keys()].sort());
    for (const [id, name] of Object.entries(DISTRICT_NAMES)) expect(districts.get(id)!.nameZh).toBe(`${name}区`);
  });

  it('compiles every pattern without the global flag (the engine adds it)', () => {
    for (const r of [...TERM_RULES, ...POST_RULES, ...BASIS_RULES]) expect(r.pattern.flags).not.toContain('g');
  });
});
