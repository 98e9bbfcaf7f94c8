// Lighthouse 12, mobile preset (a mid-range phone on a slow 4G, simulated), on the running demo
// stack: the public calculator, then signed in as a caseworker (through Keycloak, once, in the same
// browser) the task list and a case page. Each page is measured RUNS times and the median run kept
// (by performance score). Prints each figure beside the previous run's (read from, then written to,
// RESULTS) and whether the issue's targets are met. Run by infra/benchmark-web.sh. Then the applicant's
// status page (issue 23), from a link given to that case through the API: its first screen (the code
// to enter) and the page itself (the code kept in the tab, as after entering it). ONLY=status,... keeps
// some pages only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const RESULTS = process.env.RESULTS;
const RUNS = Number(process.env.RUNS ?? 3);
const USER = process.env.BENCHMARK_USER ?? 'ines.lyon';
const CASE_NAME = process.env.BENCHMARK_CASE ?? 'Amina Diallo';
const LABEL = process.env.LABEL ?? '';
/** A folder to keep each run's full Lighthouse report in (JSON, for the Lighthouse viewer). */
const REPORTS = process.env.REPORTS;
const ONLY = process.env.ONLY?.split(',');
const wanted = (name) => !ONLY || ONLY.includes(name);
/** Issue 22's targets: performance and accessibility scores (0 to 100) per page. */
const TARGETS = {
  calculator: { performance: 90, accessibility: 95 },
  tasks: { performance: 80 },
  case: { performance: 80 },
  // Issue 23: the applicant's page, on a phone.
  'status-code': { performance: 90, accessibility: 90 },
  status: { performance: 90, accessibility: 90 },
};
let token = null;

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=fr-FR', '--disable-background-networking'],
  defaultViewport: null,
});

/** Signs in through Keycloak's form: the session cookie then serves every later page of this browser. */
async function signIn() {
  const page = await browser.newPage();
  page.on('request', (request) => {
    token = request.headers().authorization ?? token; // the staff's token, to give a status link
  });
  await page.goto(BASE_URL, { waitUntil: 'networkidle2' });
  await page.waitForSelector('#username');
  await page.type('#username', USER);
  await page.type('#password', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('#kc-login')]);
  await page.waitForSelector('[data-testid="task-list"], main');
  // The case measured: found by its applicant's name through the case search, as staff find it.
  await page.goto(`${BASE_URL}/cases?q=${encodeURIComponent(CASE_NAME)}`, { waitUntil: 'networkidle2' });
  const link = await page.waitForSelector(`xpath/.//a[normalize-space(.)="${CASE_NAME}"]`);
  const href = await link.evaluate((a) => a.getAttribute('href'));
  await page.close();
  return `${BASE_URL}${href}`;
}

/** A status link given to the case (revoking its previous one): its address and code. */
async function giveStatusLink(caseUrl) {
  const caseId = new URL(caseUrl).pathname.split('/').pop();
  const response = await fetch(`${BASE_URL}/api/cases/${caseId}/status-link`, {
    method: 'POST',
    headers: { Authorization: token, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ language: 'en' }),
  });
  if (response.status !== 201) throw new Error(`giving a status link: ${response.status} ${await response.text()}`);
  return response.json();
}

async function measure(name, url, code) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    if (code) {
      // The code in the tab's session storage, set from a page that loads nothing of the app.
      await page.goto(`${BASE_URL}/api/config`);
      await page.evaluate((value) => sessionStorage.setItem('passerelle.status.code', value), code);
      // Lighthouse does not clear the cache when told to keep storage: a cold cache, as on the first visit.
      await (await page.createCDPSession()).send('Network.clearBrowserCache');
    }
    const result = await lighthouse(
      url,
      {
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        disableStorageReset: Boolean(code), // keeps the code; the cache is cleared above
      },
      undefined,
      page,
    );
    await page.close();
    if (REPORTS) {
      mkdirSync(REPORTS, { recursive: true });
      writeFileSync(join(REPORTS, `${name}-${i + 1}.json`), result.report);
    }
    const { categories, audits, finalDisplayedUrl } = result.lhr;
    runs.push({
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue),
      transferKB: Math.round(audits['total-byte-weight'].numericValue / 1024),
      unusedJsKB: Math.round((audits['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024),
      finalUrl: finalDisplayedUrl,
    });
  }
  runs.sort((a, b) => a.performance - b.performance);
  const median = runs[Math.floor(runs.length / 2)];
  return { ...median, performanceRuns: runs.map((run) => run.performance) };
}

const previous = RESULTS && existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null;
const pages = {};
try {
  if (wanted('calculator')) pages.calculator = await measure('calculator', `${BASE_URL}/calculateur`);
  const caseUrl = await signIn();
  if (wanted('tasks')) pages.tasks = await measure('tasks', `${BASE_URL}/`);
  if (wanted('case')) pages.case = await measure('case', caseUrl);
  if (wanted('status') || wanted('status-code')) {
    const link = await giveStatusLink(caseUrl);
    if (wanted('status-code')) pages['status-code'] = await measure('status-code', link.url);
    if (wanted('status')) pages.status = await measure('status', link.url, link.code);
  }
} finally {
  await browser.close();
}

const FIGURES = [
  ['performance', 'performance'],
  ['accessibility', 'accessibility'],
  ['fcpMs', 'FCP ms'],
  ['lcpMs', 'LCP ms'],
  ['tbtMs', 'TBT ms'],
  ['transferKB', 'transferred KB'],
  ['unusedJsKB', 'unused JS KB'],
];
const cell = (value) => (value === undefined ? '' : String(value));
console.log(
  `Lighthouse 12 mobile, median of ${RUNS} run(s)${previous ? `; previous run: ${previous.at}${previous.label ? ` (${previous.label})` : ''}` : ''}`,
);
console.log(['page'.padEnd(12), ...FIGURES.map(([, name]) => name.padStart(20))].join(''));
let missed = 0;
for (const [name, figures] of Object.entries(pages)) {
  const before = previous?.pages?.[name];
  const row = FIGURES.map(([key]) =>
    (before ? `${cell(figures[key])} (was ${cell(before[key])})` : cell(figures[key])).padStart(20),
  );
  console.log([name.padEnd(12), ...row].join(''));
}
for (const [name, targets] of Object.entries(TARGETS)) {
  if (!pages[name]) continue;
  for (const [category, target] of Object.entries(targets)) {
    const score = pages[name][category];
    const met = score >= target;
    if (!met) missed++;
    console.log(
      `${met ? 'met   ' : 'MISSED'} ${name} ${category} ${score} (target ${target}; performance of each run ${pages[name].performanceRuns.join(', ')})`,
    );
  }
}
if (RESULTS) {
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ at: new Date().toISOString(), label: LABEL, runs: RUNS, pages, previous: previous && { at: previous.at, label: previous.label, pages: previous.pages } }, null, 2)}\n`,
  );
  console.log(`figures written to ${RESULTS}`);
}
process.exit(missed && process.env.STRICT ? 1 : 0);
