import { expect, it } from 'vitest';
import { evaluateFormula } from './formula.ts';

it('evaluates arithmetic with Chinese and ASCII operators and precedence', () => {
  expect(evaluateFormula('18320.96 - 2746.67')).toMatchObject({ ok: true, numbers: ['18320.96', '2746.67'] });
  const r = evaluateFormula('(2900 + 231) × 2 ÷ 3');
  expect(r.ok && Math.abs(r.value - 2087.333333) < 1e-5).toBe(true);
  expect(evaluateFormula('4 + 261 * 2')).toMatchObject({ ok: true, value: 526 });
});

it('refuses anything that is not arithmetic', () => {
  expect(evaluateFormula('alert(1)')).toMatchObject({ ok: false });
  expect(evaluateFormula('1 +')).toMatchObject({ ok: false, message: 'ends too early' });
  expect(evaluateFormula('(1 + 2')).toMatchObject({ ok: false, message: "has an unclosed '('" });
  expect(evaluateFormula('1 / 0')).toMatchObject({ ok: false });
  expect(evaluateFormula('')).toMatchObject({ ok: false });
});
