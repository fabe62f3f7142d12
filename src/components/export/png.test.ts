import { expect, it } from 'vitest';
import { crc32, pngTexts, withPngText } from './png.ts';

// A 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

it('computes the PNG CRC', () => {
  expect(crc32(new TextEncoder().encode('IEND')).toString(16)).toBe('ae426082');
});

it('writes a UTF-8 description into the PNG and reads it back', () => {
  const out = withPngText(PNG, 'Description', '“双师型”教师比例：4 个区有数据');
  expect(out.length).toBeGreaterThan(PNG.length);
  expect([...out.subarray(0, 8)]).toEqual([...PNG.subarray(0, 8)]);
  expect(pngTexts(out)).toEqual({ Description: '“双师型”教师比例：4 个区有数据' });
  expect(pngTexts(PNG)).toEqual({});
});
