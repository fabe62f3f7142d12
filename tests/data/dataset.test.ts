// Checks across the whole curated dataset.
import { describe, expect, it } from 'vitest';
import { toHalfWidth } from '../../src/domain/numbers.ts';
import { curatedDataset } from '../helpers/dataset.ts';

const ds = curatedDataset();
const stated = ds.observations.filter((o) => !o.flags.includes('derived'));

describe('the curated dataset', () => {
  it('builds: every quote is verbatim, every value is in its quote, every id is known', () => {
    expect(stated.length).toBeGreaterThan(150);
    for (const o of stated) expect(o.span, `${o.id} ${o.quote}`).not.toBeNull();
  });

  it('never records 0 from a quote that says 无 or holds no zero digit', () => {
    const zeros = stated.filter((o) => o.value === 0);
    expect(zeros.length).toBeGreaterThan(0); // real zeros exist (升入本科人数 0) and are checked below
    for (const o of zeros) {
      expect(o.quote, o.id).not.toContain('无');
      expect(/[0〇零]/.test(toHalfWidth(o.quote)), `${o.id}: ${o.quote}`).toBe(true);
    }
  });

  it('gives every report at least one observation', () => {
    for (const s of ds.refs.sources.keys()) expect(stated.some((o) => o.source === s), s).toBe(true);
  });

  it('explains every flag in both languages', () => {
    for (const o of ds.observations) {
      if (o.flags.some((f) => f !== 'derived')) {
        expect(o.noteZh, o.id).not.toBe('');
        expect(o.noteEn, o.id).not.toBe('');
      }
    }
  });

  it('derives values only from rows of the same report, district and year', () => {
    const byId = new Map(ds.observations.map((o) => [o.id, o]));
    for (const o of ds.observations.filter((x) => x.inputs.length > 0)) {
      for (const id of o.inputs) {
        const input = byId.get(id)!;
        expect([input.source, input.district, input.year]).toEqual([o.source, o.district, o.year]);
      }
    }
  });
});
