import { expect, it } from 'vitest';
import { classBreaks, classOf } from './map-model.ts';

it('splits the value range into five equal classes', () => {
  const b = classBreaks([10, 60, 20]);
  expect(b).toEqual([10, 20, 30, 40, 50, 60]);
  expect(classOf(10, b)).toBe(0);
  expect(classOf(20, b)).toBe(0);
  expect(classOf(20.5, b)).toBe(1);
  expect(classOf(60, b)).toBe(4);
});

it('gives a single value the darkest class', () => {
  const b = classBreaks([42]);
  expect(classOf(42, b)).toBe(4);
});
