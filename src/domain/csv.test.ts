import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, parseCsv } from './csv.ts';

const spec = { required: ['a', 'b'], optional: ['c'] };

describe('decodeUtf8', () => {
  it('strips a BOM and keeps the text', () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62]), 'f.csv');
    expect(r).toEqual({ ok: true, text: 'a,b' });
  });

  it('names the line of the first invalid byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\n1,2\n'), 0xd6, 0xd0]);
    expect(firstInvalidUtf8(bytes)).toBe(8);
    const r = decodeUtf8(bytes, 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ file: 'f.csv', line: 3, field: '(file)' });
  });

  it('rejects overlong and surrogate encodings', () => {
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('中文 ok 😀'))).toBe(-1);
  });
});

describe('parseCsv', () => {
  it('gives each record the line it starts on, across quoted newlines and CRLF', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n';
    const { table, issues } = parseCsv(text, 'f.csv', spec);
    expect(issues).toEqual([]);
    expect(table.records).toEqual([
      { line: 2, cells: { a: '1', b: 'x\r\ny' } },
      { line: 5, cells: { a: '2', b: 'z' } },
    ]);
  });

  it('reports a row with the wrong number of cells and keeps the others', () => {
    const { table, issues } = parseCsv('a,b\n1,2,3\n4,5\n', 'f.csv', spec);
    expect(table.records.map((r) => r.line)).toEqual([3]);
    expect(issues).toEqual([
      {
        file: 'f.csv',
        line: 2,
        field: '(csv)',
        message: 'has 3 cells but the header has 2 columns (a comma inside an unquoted cell?)',
        code: 'csv.cellCount',
        params: { cells: 3, columns: 2 },
      },
    ]);
  });

  it('stops at a bad header, naming every problem', () => {
    const { table, issues } = parseCsv('a,bb,a,x\n1,2,3,4\n', 'f.csv', spec);
    expect(table.records).toEqual([]);
    expect(issues.map((i) => i.message)).toEqual([
      "unknown column 'bb' (did you mean 'b'?)",
      "column 'a' appears twice",
      "unknown column 'x'",
      "missing column 'b'",
    ]);
  });
});
