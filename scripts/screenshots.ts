// Screenshots of views for looking at the app and for the README.
//   tsx scripts/screenshots.ts <baseUrl> <outDir> [name=query ...] [--width 1280] [--height 900]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, out, ...rest] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: tsx scripts/screenshots.ts <baseUrl> <outDir> [name=query ...] [--width N] [--height N]');
  process.exit(2);
}
const opt = (k: string, d: number) => {
  const i = rest.indexOf(k);
  return i >= 0 ? Number(rest.splice(i, 2)[1]) : d;
};
const width = opt('--width', 1280);
const height = opt('--height', 900);
const fullIdx = rest.indexOf('--viewport');
const fullPage = fullIdx < 0;
if (fullIdx >= 0) rest.splice(fullIdx, 1);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
for (const spec of rest) {
  const [name, query = ''] = spec.split('=', 2).length === 2 ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [spec, ''];
  await page.goto(`${base}${query}`);
  await page.waitForSelector('main :is(figure, table, section, article, p[role=alert])', { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  console.log(join(out, `${name}.png`));
}
await browser.close();
