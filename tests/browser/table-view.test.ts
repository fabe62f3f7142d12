// The table view: a basis toggle like the compare view's, and a download of
// the table exactly as it is shown (sorted, filtered, columns hidden).
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { chromiumSuite, downloadText, query, settled, waitForApp, type Watched } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

async function open(search: string) {
  w = await suite.open(base, { acceptDownloads: true });
  await w.page.goto(base + search);
  await waitForApp(w.page);
  await w.page.waitForSelector('[data-testid=data-grid] tbody tr');
  return w.page;
}

const csvRows = (text: string) => Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;

describe('table view', () => {
  it('offers the bases of an indicator and switches between them', async () => {
    const page = await open('?view=table');
    const basis = page.locator('fieldset.segmented', { hasText: '口径' });
    expect(await settled(() => basis.locator('label').allTextContents(), (l) => l.length === 2)).toEqual(['占专任教师 (4)', '占专业课教师 (3)']);
    await basis.locator('label', { hasText: '占专业课教师' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('basis') === 'of_specialised');
    await expect(page.locator('#table-title').textContent()).resolves.toContain('占专业课教师');
    // Huairou states only a share of full-time teachers.
    expect(await settled(() => page.locator('[data-testid=data-grid] tbody th').allTextContents(), (l) => l.length === 3)).not.toContain('怀柔区');
  });

  it('downloads the table as sorted, filtered and shown, flags beside values and gaps left empty', async () => {
    const page = await open('?view=table&sort=2021:desc&hide=group');
    await page.click('[data-testid=export-open]');
    await page.waitForSelector('[data-testid=export-panel]');
    const { name, text } = await downloadText(page, '[data-testid=export-table-csv]');
    expect(name).toBe('table-dual_teacher_share-of_fulltime.csv');
    const rows = csvRows(text);
    // The group column is hidden, so it is not in the file; a flagged column is followed by its flags.
    expect(rows[0]).toEqual(['区', '2018', '2019', '2021', '2021 标注', '2022', '2022 标注', '2023', '2023 标注']);
    // Sorted by 2021, highest first, districts without a 2021 value last — as on screen.
    const shown = await page.locator('[data-testid=data-grid] tbody th').allTextContents();
    expect(rows.slice(1).map((r) => r[0])).toEqual(shown);
    expect(shown.slice(0, 2)).toEqual(['昌平区', '朝阳区']);
    const changping = rows[1]!;
    expect(changping[3]).toBe('88.2');
    expect(changping[4]).toContain('分母存疑');
    expect(changping[5]).toBe('45.8');
    expect(changping[1]).toBe(''); // no 2018 value: empty, never 0

    // Filtered, only the matching rows go.
    await page.fill('#table-filter', 'fs');
    await settled(() => page.locator('[data-testid=data-grid] tbody th').allTextContents(), (l) => l.length === 1);
    const filtered = csvRows((await downloadText(page, '[data-testid=export-table-csv]')).text);
    expect(filtered.slice(1).map((r) => r[0])).toEqual(['房山区']);
    // The observations behind the cells, with their provenance, and JSON with both.
    const obs = csvRows((await downloadText(page, '[data-testid=export-csv]')).text);
    expect(obs[0]).toContain('quote');
    expect(obs.slice(1).map((r) => r[1])).toEqual(['fangshan', 'fangshan']);
    const json = JSON.parse((await downloadText(page, '[data-testid=export-json]')).text) as { table: { columns: string[]; rows: unknown[][] }; observations: { district: string }[] };
    // Fangshan's values carry no flag, so no flags column is left in the filtered table.
    expect(json.table.columns).toEqual(['区', '2018', '2019', '2021', '2022', '2023']);
    expect(json.table.rows).toEqual([['房山区', 50.26, 58.86, null, null, null]]);
    expect(json.observations.map((o) => o.district)).toEqual(['fangshan', 'fangshan']);
    expect(query(page).get('q')).toBe('fs');
  });

  it('the indicators × districts table downloads too, in English', async () => {
    const page = await open('?view=table&table=indicators&lang=en');
    await page.click('[data-testid=export-open]');
    const rows = csvRows((await downloadText(page, '[data-testid=export-table-csv]')).text);
    expect(rows[0]!.slice(0, 2)).toEqual(['District', 'Functional area']);
    expect(rows.length - 1).toBe(await page.locator('[data-testid=data-grid] tbody tr').count());
  });
});
