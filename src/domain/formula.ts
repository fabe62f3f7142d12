// A tiny arithmetic evaluator for the `formula` of hand-derived rows, so the
// build can check that "18320.96 - 2746.67" really gives the recorded value.
// Numbers, + - * / × ÷, parentheses; nothing else is accepted.

export type FormulaResult = { ok: true; value: number; numbers: string[] } | { ok: false; message: string };

export function evaluateFormula(src: string): FormulaResult {
  const tokens = src
    .replace(/×/g, '*')
    .replace(/÷/g, '/')
    .replace(/−/g, '-')
    .match(/\d+(?:\.\d+)?|[-+*/()]|\S/g);
  if (!tokens || tokens.length === 0) return { ok: false, message: 'is empty' };
  const numbers: string[] = [];
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (m: string): never => {
    throw new Error(m);
  };
  function primary(): number {
    const t = peek();
    if (t === undefined) return fail('ends too early');
    if (t === '(') {
      pos++;
      const v = sum();
      if (peek() !== ')') fail("has an unclosed '('");
      pos++;
      return v;
    }
    if (t === '-') {
      pos++;
      return -primary();
    }
    if (/^\d/.test(t)) {
      pos++;
      numbers.push(t);
      return Number(t);
    }
    return fail(`has '${t}', which is not a number or + - × ÷ ( )`);
  }
  function product(): number {
    let v = primary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens![pos++];
      const r = primary();
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }
  function sum(): number {
    let v = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens![pos++];
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }
  try {
    const value = sum();
    if (pos !== tokens.length) return { ok: false, message: `has an unexpected '${tokens[pos]}'` };
    if (!Number.isFinite(value)) return { ok: false, message: 'does not give a finite number (division by zero?)' };
    return { ok: true, value, numbers };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
