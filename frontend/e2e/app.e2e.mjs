// End to end against the running backend (demo data) and Keycloak, through the browser as staff
// work: `npm run e2e`; BASE_URL defaults to http://localhost:8080. Every main page is checked for
// console errors, fields without a label and serious or critical axe-core violations, and saved as
// screenshots at 1366x800 and 390x844 under e2e/screenshots/. Prints a line per passed check, the
// performance figures, and on a failure a screenshot under e2e/artifacts/; exits 1 on any failure.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT_MS = 30_000;
/** Budgets (issue 11): JavaScript before the task list shows, and the time it takes after the login redirect. */
const JS_BUDGET_GZIP = 300 * 1024;
// The task list's 1 s target is reported here, never asserted: a loaded machine must not fail the
// test command on the wall clock (the API's own latency is measured by infra/benchmark.sh).
const LIST_TARGET_MS = 1000;

const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const shared = {};

function pass(check) {
  console.log(`ok - ${check}`);
}

/**
 * Console errors fail the run. A refused request (4xx) is logged by Chromium as "Failed to load
 * resource": the scenarios cause some on purpose (a wrong value, another association's case), so
 * those are left to the checks; a 5xx answer always fails.
 */
function watch(page, problems) {
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    ) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
  });
}

/** Every visible form field must have an accessible name (a label, aria-label or aria-labelledby). */
async function unlabeledFields(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((field) => field.type !== 'hidden' && !field.hidden && field.getClientRects().length > 0)
      .filter((field) => {
        const labelled = field
          .getAttribute('aria-labelledby')
          ?.split(/\s+/)
          .some((id) => document.getElementById(id)?.textContent?.trim());
        return (
          !field.getAttribute('aria-label')?.trim() &&
          !labelled &&
          ![...(field.labels ?? [])].some((label) => label.textContent?.trim())
        );
      })
      .map((field) => field.outerHTML.slice(0, 160)),
  );
}

/** axe-core, injected through the DevTools protocol (the page's CSP allows no inline script). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`,
      );
  });
}

/** Opens a new case in the Rhône on the first ground offered (an e-mail address on the record when given). */
async function openCase(page, firstName, lastName, email) {
  await page.getByRole('navigation').getByRole('link', { name: 'Nouveau dossier' }).click();
  await page.getByRole('textbox', { name: 'Prénom' }).fill(firstName);
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
  if (email) await page.getByRole('textbox', { name: 'Courriel' }).fill(email);
  await page.getByRole('textbox', { name: /^Département/ }).fill('69');
  await page.getByRole('combobox', { name: /^Fondement/ }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await page.getByRole('heading', { name: `${firstName} ${lastName}`, level: 2 }).waitFor();
}

/** The checks every main page gets, and its screenshots at both sizes. */
async function inspect(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(300); // transitions of Mantine's menus and loaders
  const unlabeled = await unlabeledFields(page);
  if (unlabeled.length) throw new Error(`${name}: fields without a label: ${unlabeled.join(', ')}`);
  const violations = await axeViolations(page);
  if (violations.length) throw new Error(`${name}: accessibility violations: ${violations.join('; ')}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of [
    ['1366x800', DESKTOP],
    ['390x844', PHONE],
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
  pass(`${name}: every field labelled, no serious or critical axe violation, screenshots saved`);
}

async function signIn(page, username) {
  await page.goto(BASE_URL);
  await page.waitForURL(/\/realms\/[^/]+\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo');
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(BASE_URL));
  await page.getByRole('heading', { name: /Mes tâches|Tâches de l'association/ }).waitFor();
  pass(`${username}: signed in through Keycloak and back on the app`);
}

async function expectVisible(locator, check) {
  await locator.first().waitFor({ state: 'visible' });
  pass(check);
}

/** Picks an option of a Mantine Select by the field's label. */
async function choose(page, scope, label, option) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** form-js fields, found by their label inside the task form. */
function formField(page, label) {
  return page
    .locator('.fjs-form-field')
    .filter({ has: page.locator('.fjs-form-field-label', { hasText: label }) })
    .first();
}

async function formSelect(page, label, option) {
  const item = page.locator('.fjs-dropdownlist-item', { hasText: option }).first();
  const display = formField(page, label).locator('.fjs-select-display');
  for (let attempt = 0; attempt < 3 && !(await item.isVisible()); attempt++) {
    await display.click(); // a field reached by Tab opens on focus, and a click then closes it
    await item.waitFor({ timeout: 2000 }).catch(() => {});
  }
  await item.click();
}

async function formDate(page, label, day, time) {
  const field = formField(page, label);
  const date = field.locator('input.flatpickr-input, input[id$="-date"], input.fjs-input').first();
  await fillUntilKept(date, day);
  if (time) {
    const clock = field.locator('input[id$="-time"]').first();
    await clock.fill(time);
    await clock.press('Tab');
  }
}

/**
 * Fills a form-js input and leaves it, again if the form drew the field anew meanwhile (a field shown by
 * a condition just met, on a loaded machine) and the value did not stay.
 */
async function fillUntilKept(input, value) {
  for (let attempt = 1; ; attempt++) {
    await input.fill(value);
    await input.press('Tab');
    if ((await input.inputValue()) === value || attempt === 3) return;
    console.log(`# the field did not keep "${value}" (attempt ${attempt}): filled again`);
  }
}

/** dd/mm/yyyy for form-js in French, a number of days from today. */
function frDay(offsetDays) {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  const [y, m, d] = day.toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Opens a tab of the case page (tasks and deadlines, events, pieces, documents, ...). */
async function showTab(page, name) {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.getByRole('tabpanel', { name, exact: true }).waitFor();
}

/**
 * The case page's header, as staff see it on opening the case: the step, the next deadline and the
 * actions within the first screen at laptop and phone sizes, nothing wider than the phone's screen.
 * Saves what the first screen shows at both sizes under e2e/screenshots/.
 */
async function checkCaseHeader(page, name) {
  const header = page.getByRole('region', { name: 'Où en est le dossier' });
  const openTask = header.getByRole('link', { name: /^Ouvrir : / });
  const wanted = [
    ['the step', header.getByTestId('case-step')],
    ['the next deadline', header.getByTestId('case-next-deadline')],
    ...((await openTask.count()) ? [['the task to open', openTask]] : []),
    ['recording an event', header.getByRole('button', { name: 'Enregistrer ce qui s’est passé' })],
    ['the diagram', header.getByRole('link', { name: 'Où en est le dossier' })],
  ];
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of [
    ['1366x800', DESKTOP],
    ['390x844', PHONE],
  ]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    for (const [what, locator] of wanted) {
      const box = await locator.first().boundingBox();
      if (!box || box.y + box.height > viewport.height)
        throw new Error(`${name} at ${size}: ${what} is not in the first screen (${JSON.stringify(box)})`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) throw new Error(`${name} at ${size}: the page scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-first-screen-${size}.png`) });
  }
  await page.setViewportSize(DESKTOP);
  const said = async (testId) => (await header.getByTestId(testId).innerText()).replace(/\s+/g, ' ');
  pass(
    `${name}: the step ("${await said('case-step')}"), the next deadline ("${await said('case-next-deadline')}") and the actions in the first screen at 1366x800 and 390x844, no sideways scrolling`,
  );
}

async function openTaskOfCase(page, name) {
  const link = page.locator('#case-tasks-title').locator('..').getByRole('link', { name });
  await showTab(page, 'Tâches et échéances');
  for (let attempt = 0; attempt < 30 && !(await link.count()); attempt++) {
    await page.waitForTimeout(2000); // a timer of the job executor may be about to make the task
    await page.reload();
    await showTab(page, 'Tâches et échéances');
    await page.locator('#case-tasks-title').waitFor();
  }
  await link.first().click();
  await page.locator('.fjs-form').waitFor();
}

async function completeTask(page) {
  await page.getByRole('button', { name: 'Terminer la tâche' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Tâche .* terminée/ })
    .waitFor();
}

/** The diagram of a process on the case's procedure page: the activities marked as current. */
async function diagramCurrent(page, processKey, requireMarked = true) {
  const section = page.locator(`section[data-process="${processKey}"]`);
  await page.waitForLoadState('networkidle').catch(() => {});
  await section.locator('[data-state="ready"]').waitFor();
  // the standing refetched on arrival may redraw the model: wait for its marks, do not count once
  if (requireMarked) {
    await section
      .locator('.djs-element.current-step')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error(`the ${processKey} diagram marks no step`);
      });
  }
  return (await section.locator('[data-current]').getAttribute('data-current')).split(' ');
}

/**
 * The marked steps once they no longer include `step`: the standing refetched after a task is completed
 * may redraw the diagram a moment after a first drawing from the cache. As they are after 15 s otherwise.
 */
async function diagramAwayFrom(page, processKey, step, requireMarked = true) {
  const until = Date.now() + 15_000;
  let current = await diagramCurrent(page, processKey, requireMarked);
  while (current.includes(step) && Date.now() < until) {
    await page.waitForTimeout(500);
    current = await diagramCurrent(page, processKey, requireMarked);
  }
  return current;
}

/** ISO yyyy-mm-dd, a number of days from today (as frDay). */
function isoDay(offsetDays) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The bearer token the app sends, kept as its requests go (to set up a case through the API). */
function followBearer(page) {
  const seen = { bearer: undefined };
  page.on('request', async (request) => {
    if (!request.url().startsWith(`${BASE_URL}/api/`)) return;
    const authorization = (await request.allHeaders().catch(() => ({}))).authorization;
    if (authorization?.startsWith('Bearer ')) seen.bearer = authorization;
  });
  return seen;
}

async function api(page, bearer, method, path, data) {
  const response = await page.request.fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: bearer, 'Content-Type': 'application/json' },
    data: data === undefined ? undefined : JSON.stringify(data),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json().catch(() => null);
}

/** Completes a case's task through the API, waiting for it (a timer of the job executor may make it). */
async function completeThroughApi(page, bearer, caseId, key, data) {
  for (let attempt = 0; attempt < 45; attempt++) {
    const task = (await api(page, bearer, 'GET', `/api/cases/${caseId}/tasks`)).find((t) => t.taskKey === key);
    if (task) return api(page, bearer, 'POST', `/api/tasks/${task.id}/complete`, data);
    await page.waitForTimeout(2000);
  }
  throw new Error(`case ${caseId}: no task ${key} after 90 s`);
}

const scenarios = {
  async 'claire.coord filters the association tasks, assigns one to ines.lyon and allows filing'(page) {
    await signIn(page, 'claire.coord');
    await page.getByRole('navigation').getByRole('link', { name: "Tâches de l'association" }).click();
    await choose(page, page, 'Fondement', 'L435-1');
    await page.waitForURL(/scope=association.*ground=L435-1|ground=L435-1.*scope=association/);
    pass('claire.coord: the filter is in the URL');
    const row = page.getByRole('listitem').filter({ hasText: 'Amina Diallo' }).first();
    await expectVisible(row, 'claire.coord: the L435-1 filter shows Amina Diallo');
    await page.getByRole('listitem').filter({ hasText: 'Youssef Benali' }).waitFor({ state: 'detached' });
    pass('claire.coord: the L423-23 case is filtered out');
    await inspect(page, 'tasks-association');
    await row.getByRole('combobox', { name: /^Attribuer/ }).click();
    await page.getByRole('option', { name: 'Inès Benali' }).click();
    await expectVisible(
      row.getByText('Attribuée à Inès Benali'),
      'claire.coord: assigned to Inès Benali from the member list',
    );
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('ground='));
    pass('claire.coord: back goes to the list before the filter');
    await page.goForward();
    await page.waitForURL(/ground=L435-1/);

    await row.getByRole('link', { name: /Amina Diallo/ }).click();
    await page.getByRole('heading', { name: 'Amina Diallo', level: 2 }).waitFor();
    shared.caseUrl = page.url();
    await showTab(page, 'Pièces');
    await page.getByRole('textbox', { name: 'Motif' }).fill('Pièces remises au rendez-vous (test de bout en bout)');
    await page.getByRole('button', { name: 'Autoriser', exact: true }).click();
    await expectVisible(page.getByText(/Autorisé par /), 'claire.coord: filing override recorded');

    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('searchbox', { name: /Rechercher/ }).fill('DIALLO am');
    await page.waitForURL(/q=DIALLO/);
    const cases = page.getByRole('list', { name: 'Dossiers' });
    await cases.getByRole('listitem').filter({ hasText: 'Youssef Benali' }).waitFor({ state: 'detached' });
    await expectVisible(
      cases.getByRole('link', { name: 'Amina Diallo' }),
      'claire.coord: the case list searches on the server, every word, any case',
    );
  },

  async 'ines.lyon works the case: checklist, upload, tasks through their forms, the diagram'(page) {
    const js = new Map();
    let counting = true;
    page.on('response', async (response) => {
      const url = response.url();
      if (!counting || !url.startsWith(BASE_URL) || !/\.js(\?|$)/.test(url)) return;
      try {
        js.set(url, gzipSync(await response.body()).length);
      } catch {
        /* a response without a body */
      }
    });
    await page.goto(BASE_URL);
    await page.waitForURL(/openid-connect\/auth/);
    js.clear(); // what loads before the redirect to Keycloak loads again after it (from the cache)
    await page.locator('#username').fill('ines.lyon');
    await page.locator('#password').fill('demo');
    await page.locator('#kc-login').click();
    await page.waitForURL((url) => url.href.startsWith(BASE_URL));
    const back = Date.now();
    await page.getByRole('heading', { name: 'Mes tâches' }).waitFor();
    await page.getByTestId('task-list').or(page.getByText('Aucune tâche ici')).first().waitFor();
    const shown = Date.now() - back;
    counting = false;
    const total = [...js.values()].reduce((sum, size) => sum + size, 0);
    const names = [...js.keys()].map((url) => url.replace(/^.*\//, ''));
    console.log(
      `# performance: JavaScript before the task list (gzip) ${(total / 1024).toFixed(1)} KB in ${js.size} files (budget ${JS_BUDGET_GZIP / 1024} KB)`,
    );
    console.log(
      `# performance: task list visible ${shown} ms after the login redirect (target ${LIST_TARGET_MS} ms, not asserted)`,
    );
    if (names.some((name) => /bpmn|formJs/i.test(name)))
      throw new Error(`bpmn-js or form-js loaded before the task list: ${names.join(', ')}`);
    if (total > JS_BUDGET_GZIP) throw new Error(`JavaScript budget exceeded: ${names.join(', ')}`);
    pass('ines.lyon: JavaScript budget met, bpmn-js and form-js not loaded');

    await page.locator('label', { hasText: /^Les miennes$/ }).click();
    await page.waitForURL(/scope=mine/);
    const mine = page.getByRole('listitem').filter({ hasText: 'Amina Diallo' }).first();
    await expectVisible(mine, 'ines.lyon: the task claire assigned is under "mine"');
    await inspect(page, 'tasks');

    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('searchbox', { name: /Rechercher/ }).fill('diallo');
    await expectVisible(
      page.getByRole('link', { name: 'Amina Diallo' }),
      'ines.lyon: the case list finds Amina Diallo by name',
    );
    await inspect(page, 'cases');

    await page.getByRole('navigation').getByRole('link', { name: 'Nouveau dossier' }).click();
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.getByRole('textbox', { name: 'Nom', exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
    pass("ines.lyon: the backend's refusal of an empty new case shows on the Nom field");
    await inspect(page, 'new-case');

    await page.goto(shared.caseUrl);
    await page.getByRole('heading', { name: 'Amina Diallo', level: 2 }).waitFor();
    await page.getByRole('link', { name: /^Ouvrir : / }).waitFor();
    await checkCaseHeader(page, 'case-header');
    await showTab(page, 'Pièces');
    await expectVisible(
      page.locator('details[data-group="MISSING"][open] li[data-piece]'),
      'ines.lyon: the missing pieces come first, open',
    );
    // A piece marked received moves to its group: each is found again by its code.
    const missing = page.locator('details[data-group="MISSING"] li[data-piece]');
    const piece = (code) => page.locator(`li[data-piece="${code}"]`);
    const first = piece(await missing.first().getAttribute('data-piece'));
    const firstName = await first.getAttribute('aria-label');
    const second = piece(await missing.nth(1).getAttribute('data-piece'));
    await first.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Reçue' });
    await expectVisible(
      page
        .locator('details[data-group="RECEIVED"]')
        .locator(first)
        .locator('.mantine-Badge-root', { hasText: 'Reçue' }),
      `ines.lyon: "${firstName}" marked received, now among the received pieces`,
    );
    await second
      .locator('input[type=file]')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('texte') });
    await expectVisible(
      second.getByRole('alert').filter({ hasText: 'n’est pas accepté' }),
      'ines.lyon: a text file is refused with a clear message',
    );
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    await second
      .locator('input[type=file]')
      .setInputFiles({ name: 'piece-e2e.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expectVisible(
      second.locator('.mantine-Badge-root', { hasText: 'Reçue' }),
      'ines.lyon: the piece with a file is received',
    );
    await inspect(page, 'case');
    await showTab(page, 'Documents');
    await expectVisible(
      page.locator('#documents-title').locator('..').getByText('piece-e2e.pdf'),
      'ines.lyon: the uploaded PDF is listed',
    );

    await page.getByRole('link', { name: 'Où en est le dossier' }).first().click();
    const before = await diagramCurrent(page, 'regularisation');
    if (!before.includes('prepareCase')) throw new Error(`the main process marks ${before}, not prepareCase`);
    pass('ines.lyon: the diagram marks the preparation');
    await inspect(page, 'procedure');
    await page.goBack();

    await openTaskOfCase(page, /Préparer le dossier/);
    await inspect(page, 'task');
    await formSelect(page, 'Fondement retenu', 'L435-1');
    await formField(page, 'Pièces réunies').locator('input').check();
    await formField(page, 'Récit de vie rédigé').locator('input').check();
    await completeTask(page);
    pass('ines.lyon: the preparation is completed through its form');

    await openTaskOfCase(page, /rendez-vous et enregistrer/);
    await formDate(page, 'Date et heure de la tentative', frDay(3), '09:00');
    await formSelect(page, 'Canal', 'Site de la préfecture');
    await formSelect(page, 'Résultat', 'Créneau obtenu');
    await formDate(page, 'Date du rendez-vous', frDay(0));
    await page.getByRole('button', { name: 'Terminer la tâche' }).click();
    const attemptError = formField(page, 'Date et heure de la tentative').locator('.fjs-form-field-error');
    await expectVisible(
      attemptError,
      `ines.lyon: a booking attempt in the future is refused on its field ("${(await attemptError.first().textContent())?.trim()}")`,
    );
    await formDate(page, 'Date et heure de la tentative', frDay(0), '00:01');
    await completeTask(page);
    pass('ines.lyon: the booking attempt is completed once corrected');

    await page.getByRole('link', { name: 'Où en est le dossier' }).first().click();
    const main = await diagramAwayFrom(page, 'regularisation', 'prepareCase');
    const appointment = await diagramCurrent(page, 'appointment');
    if (main.includes('prepareCase')) throw new Error('the main process still marks the preparation');
    pass(
      `ines.lyon: the highlight moved on: main process at ${main.join(', ')}, appointment at ${appointment.join(', ')}`,
    );
    await page.goBack();

    await openTaskOfCase(page, /Préparer le rendez-vous/);
    await completeTask(page);
    await openTaskOfCase(page, /Se rendre au rendez-vous/);
    await formField(page, 'Le rendez-vous').locator('label', { hasText: 'a eu lieu' }).click();
    await completeTask(page);
    pass('ines.lyon: the appointment tasks are completed through their forms');

    await openTaskOfCase(page, /Enregistrer le dépôt/);
    await formDate(page, 'Date du dépôt', frDay(0));
    await formField(page, 'Dossier reçu comme complet').locator('input').check();
    await formField(page, 'Aucun droit dû').locator('input').check();
    await completeTask(page);
    pass('ines.lyon: the filing is recorded through its form');
    await page.waitForLoadState('networkidle').catch(() => {});
    await checkCaseHeader(page, 'case-header-filed');
    await page.getByRole('link', { name: 'Où en est le dossier' }).first().click();
    const later = await diagramAwayFrom(page, 'regularisation', 'callAppointment', false);
    const steps = await page
      .locator('section[data-process]')
      .evaluateAll((sections) =>
        sections.map(
          (section) =>
            `${section.dataset.process}: ${section.querySelector('[data-current]')?.dataset.current} (${section.querySelectorAll('.current-step').length} marked)`,
        ),
      );
    if (later.includes('callAppointment')) throw new Error('the main process is still at the appointment');
    pass(`ines.lyon: after the filing: ${steps.join('; ')}`);
  },

  async 'the deadline calculator works without signing in'(page) {
    await page.goto(`${BASE_URL}/calculateur`);
    await page.getByRole('heading', { name: 'Calculateur de délais' }).waitFor();
    if (page.url().includes('openid-connect')) throw new Error('the calculator asked to sign in');
    await page.getByLabel('À partir du').fill('2026-01-05');
    await page.getByRole('textbox', { name: /Département/ }).fill('69');
    await page.getByRole('button', { name: 'Calculer' }).click();
    const result = page.getByTestId('deadline-result');
    await expectVisible(
      result.getByText(/Dernier jour/),
      `calculator: "${(await result.textContent())?.slice(0, 80)}…"`,
    );
    await expectVisible(result.getByText(/Source/), 'calculator: the legal source is given');
    await inspect(page, 'calculator');
  },

  async "sofia.marseille of another association opening Amina Diallo's case gets the no-access page"(page) {
    if (!shared.caseUrl) throw new Error('no case URL: the first scenario failed');
    await signIn(page, 'sofia.marseille');
    await page.goto(shared.caseUrl);
    await expectVisible(page.getByRole('heading', { name: 'Accès impossible' }), 'sofia.marseille: the no-access page');
    if (await page.getByText('Amina Diallo').count())
      throw new Error("another association's case leaked its applicant");
    await inspect(page, 'no-access');
  },

  async 'me.durand chooses one of her two associations'(page) {
    await signIn(page, 'me.durand');
    await page.getByRole('navigation').getByRole('link', { name: 'Mon espace' }).click();
    const row = (name) => page.getByRole('row').filter({ hasText: name });
    await expectVisible(row('Droits Devant Marseille'), 'me.durand: Droits Devant Marseille is listed');
    const chosen = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/me' &&
        response.request().headers()['x-association'] === 'droits-marseille',
    );
    await page.getByRole('button', { name: 'Choisir Droits Devant Marseille' }).click();
    if ((await chosen).status() !== 200) throw new Error('GET /api/me with X-Association failed');
    await expectVisible(
      row('Droits Devant Marseille').getByText('Association courante'),
      'me.durand: Droits Devant Marseille is current',
    );
    await page.reload();
    await expectVisible(
      row('Droits Devant Marseille').getByText('Association courante'),
      'me.durand: the choice is remembered',
    );
    await inspect(page, 'me');
  },
  async 'ines.lyon sees the appointment in her deadlines and subscribes her calendar to it'(page) {
    await signIn(page, 'ines.lyon');
    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click();
    await page
      .getByRole('link', { name: /Youssef Benali/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Youssef Benali', level: 2 }).waitFor();
    await openTaskOfCase(page, /Préparer le dossier/);
    await formSelect(page, 'Fondement retenu', 'L423-23');
    await formField(page, 'Pièces réunies').locator('input').check();
    await formField(page, 'Récit de vie rédigé').locator('input').check();
    await completeTask(page);
    await openTaskOfCase(page, /rendez-vous et enregistrer/);
    await formDate(page, 'Date et heure de la tentative', frDay(0), '00:01');
    await formSelect(page, 'Canal', 'Site de la préfecture');
    await formSelect(page, 'Résultat', 'Créneau obtenu');
    await formDate(page, 'Date du rendez-vous', frDay(5));
    await completeTask(page);
    pass('ines.lyon: an appointment in 5 days is booked for Youssef Benali');
    await page.waitForLoadState('networkidle').catch(() => {});
    await checkCaseHeader(page, 'case-header-appointment');
    await expectVisible(
      page.getByTestId('case-next-deadline').filter({ hasText: 'Préparer le rendez-vous' }),
      'ines.lyon: the next deadline in the header is the appointment’s preparation',
    );

    await page.getByRole('navigation').getByRole('link', { name: 'Échéances' }).click();
    await page.getByRole('heading', { name: 'Échéances', level: 2 }).waitFor();
    const row = page.getByRole('table', { name: 'Échéances des 7 prochains jours' }).getByRole('row').filter({
      hasText: 'Préparer le rendez-vous',
    });
    await expectVisible(
      row.filter({ hasText: 'Rendez-vous en préfecture' }),
      'ines.lyon: the deadlines view lists the appointment with its rule',
    );
    await expectVisible(row.filter({ hasText: 'Youssef Benali' }), 'ines.lyon: with its case');
    const taskId = await row.first().getAttribute('data-task');

    await page.getByRole('button', { name: 'Créer mon lien d’agenda' }).click();
    const url = (await page.getByTestId('calendar-url').textContent()).trim();
    if (!/\/calendar\/accueil-lyon\/[A-Za-z0-9_-]{43}\.ics$/.test(url))
      throw new Error(`unexpected calendar URL ${url}`);
    pass('ines.lyon: her calendar link is made and shown once');
    await inspect(page, 'deadlines');
    const feedUrl = BASE_URL + new URL(url).pathname;
    const feed = await page.request.get(feedUrl, { headers: { Authorization: '' } });
    const ics = await feed.text();
    if (feed.status() !== 200 || !ics.includes('BEGIN:VCALENDAR'))
      throw new Error(`the feed answered ${feed.status()}`);
    if (!ics.includes(`UID:${taskId}@passerelle`) || !ics.includes('BEGIN:VALARM'))
      throw new Error('the feed lacks the appointment or its alarms');
    pass('ines.lyon: the calendar feed, fetched without login, holds the appointment with alarms');
    await page.getByRole('button', { name: 'Révoquer le lien' }).click();
    await page.getByText('Aucun lien d’agenda actif.').waitFor();
    const revoked = await page.request.get(feedUrl);
    if (revoked.status() !== 404) throw new Error(`a revoked feed answered ${revoked.status()}`);
    pass('ines.lyon: the revoked link answers 404');
  },

  async 'marc.coord records consent and offers an appeal to the pool; me.durand accepts it from her inbox and downloads a letter; me.nguyen sees it taken'(
    page,
  ) {
    await signIn(page, 'marc.coord');
    await page.getByRole('navigation').getByRole('link', { name: 'Avocats partenaires' }).click();
    await expectVisible(page.getByText('me.nguyen', { exact: true }), "marc.coord: the association's partner lawyers");
    await inspect(page, 'partner-lawyers');
    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: 'Nadia Rahmani' }).first().click();
    await showTab(page, 'Recours');
    const handoff = page.locator('section[aria-labelledby="handoff-title"]');
    await handoff.getByLabel('tous les avocats de l’association').check();
    await handoff.getByLabel('Message aux avocats').fill('Refus L435-1 : 9 ans de présence, audience à prévoir');
    await handoff.getByRole('button', { name: 'Proposer le recours' }).click();
    await expectVisible(handoff.getByText(/avant de proposer le recours/), 'marc.coord: no offer without consent');
    await handoff.getByLabel('Consentement donné sur').fill('Formulaire signé à la permanence du 2 décembre');
    await handoff.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    await expectVisible(handoff.getByTestId('consent'), 'marc.coord: the consent is recorded, by whom and on what');
    await handoff.getByRole('button', { name: 'Proposer le recours' }).click();
    await expectVisible(handoff.getByText('Aux avocats de l’association'), 'marc.coord: offered to the pool');
    await inspect(page, 'case-handoff');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/realms\/[^/]+\/protocol\/openid-connect\/auth/);

    await signIn(page, 'me.durand');
    await page.getByRole('navigation').getByRole('link', { name: 'Ma corbeille d’avocat' }).click();
    const offer = page.locator('article[data-offer="OPEN"]').filter({ hasText: '9 ans de présence' });
    await expectVisible(offer.getByText('Droits Devant Marseille'), 'me.durand: the offer, with its association');
    await expectVisible(offer.getByText(/Recours contentieux : 2 mois/), 'me.durand: the deadline and its rule');
    if (await offer.getByText('Nadia Rahmani').count()) throw new Error("the offer shows the applicant's name");
    pass("me.durand: the offer's summary does not name the applicant");
    await inspect(page, 'lawyer-inbox');
    await offer.getByRole('button', { name: 'Accepter le recours' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Recours accepté' }), 'me.durand: accepted');
    const task = page
      .locator('article')
      .filter({ hasText: 'Arrêter la stratégie contentieuse' })
      .filter({ hasText: 'Droits Devant Marseille' });
    // Seen once in four runs: the inbox refetched after the acceptance still listed the offer. Say
    // so and read the inbox again, so that the check below stays on what the lawyer must get.
    await task
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(async () => {
        console.log('# me.durand: the inbox still showed the offer after accepting it; reloaded');
        await page.reload();
      });
    await expectVisible(task, 'me.durand: the appeal task is in her inbox');
    await inspect(page, 'lawyer-inbox-accepted');
    await task.getByRole('button', { name: 'Ouvrir la tâche' }).click();
    await page.locator('.fjs-form').waitFor();
    await expectVisible(page.getByText('Nadia Rahmani'), 'me.durand: the accepted appeal shows its case');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Recours gracieux' }).click();
    const download = await downloading;
    const bytes = readFileSync(await download.path());
    if (bytes.subarray(0, 2).toString() !== 'PK' || !download.suggestedFilename().endsWith('.docx'))
      throw new Error(`the letter is not a .docx: ${download.suggestedFilename()}`);
    pass(`me.durand: downloaded ${download.suggestedFilename()} (${bytes.length} bytes)`);
    await inspect(page, 'lawyer-task');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/realms\/[^/]+\/protocol\/openid-connect\/auth/);

    await signIn(page, 'me.nguyen');
    await page.getByRole('navigation').getByRole('link', { name: 'Ma corbeille d’avocat' }).click();
    const taken = page.locator('article[data-offer="TAKEN"]').filter({ hasText: '9 ans de présence' });
    await expectVisible(taken.getByText('Pris par un autre avocat'), 'me.nguyen: the offer is taken');
    if (await taken.getByRole('button', { name: 'Accepter le recours' }).count())
      throw new Error('a taken offer can still be accepted');
    await inspect(page, 'lawyer-inbox-taken');
  },

  async 'claire.coord opens the dashboard, exports to Excel, sees it progress, downloads it and opens the file'(page) {
    await signIn(page, 'claire.coord');
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord de l’association' }).waitFor();
    const open = await page.getByTestId('open-cases').innerText();
    if (!/^\d+$/.test(open)) throw new Error(`open cases is not a number: ${open}`);
    pass(`claire.coord: the dashboard shows ${open} open cases`);
    await expectVisible(page.getByRole('img', { name: 'Dossiers ouverts par étape' }), 'claire.coord: the steps chart');
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await inspect(page, 'dashboard');
    const seen = new Set();
    page.on('response', async (response) => {
      if (/\/api\/exports\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname) && response.ok())
        seen.add((await response.json()).status);
    });
    await page.getByTestId('export-start').click();
    await expectVisible(
      page.getByRole('progressbar', { name: 'Avancement de l’export' }),
      'claire.coord: the export progress shows',
    );
    await page.getByTestId('export-status').filter({ hasText: /^Prêt/ }).waitFor();
    pass(`claire.coord: the export went through ${[...seen].join(', ')}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le fichier' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-export-'));
    try {
      const file = join(dir, 'export.xlsx');
      await download.saveAs(file);
      if (!/\.xlsx$/.test(download.suggestedFilename()))
        throw new Error(`not an xlsx: ${download.suggestedFilename()}`);
      const { execFileSync } = await import('node:child_process');
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 120_000, stdio: 'ignore' },
      );
      const csv = readFileSync(join(dir, 'export.csv'), 'utf8');
      const line = csv.split('\n').find((row) => row.startsWith('Dossiers ouverts,'));
      if (line?.split(',')[1] !== open) throw new Error(`the file says "${line}", the dashboard ${open}`);
      pass(`claire.coord: the downloaded workbook opens (LibreOffice) and says ${open} open cases, as the dashboard`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await inspect(page, 'dashboard-exported');
  },
  async 'emma.lille gives Ahmad Rahimi his status link; he reads it on his phone in English and Arabic, sends a photo; emma sees it to check, revokes the link'(
    page,
  ) {
    await signIn(page, 'emma.lille');
    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('searchbox', { name: /Rechercher/ }).fill('rahimi');
    await page.getByRole('link', { name: 'Ahmad Rahimi' }).first().click();
    await page.getByRole('heading', { name: 'Ahmad Rahimi', level: 2 }).waitFor();
    await showTab(page, 'Page de suivi');
    await choose(page, page, 'Langue de la page', 'English');
    await page.getByRole('button', { name: /^Donner un (nouveau )?lien$/ }).click();
    const address = page.getByRole('textbox', { name: 'Adresse à envoyer par SMS' });
    await address.waitFor();
    const url = await address.inputValue();
    const code = (await page.getByTestId('status-link-code').textContent())?.trim() ?? '';
    if (!/\/suivi\/solidarite-lille\/[A-Za-z0-9_-]{22}$/.test(url) || !/^\d{6}$/.test(code))
      throw new Error(`the link ${url} or the code ${code} is not as expected`);
    await expectVisible(
      page.getByRole('img', { name: 'QR code du lien de suivi' }),
      'emma.lille: a link, its QR code and its code',
    );
    await inspect(page, 'status-link-staff');

    // The applicant, on his own phone: a fresh browser, no account, in English.
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--lang=en-GB'],
    });
    const problems = [];
    try {
      const phone = await (await browser.newContext({ viewport: PHONE, locale: 'en-GB' })).newPage();
      watch(phone, problems);
      await phone.goto(url);
      await phone.getByLabel('6-digit code').fill(code);
      await phone.getByRole('button', { name: 'See my case' }).click();
      await phone.getByRole('heading', { name: 'Your case' }).waitFor();
      await expectVisible(
        phone.getByRole('heading', { name: 'Documents still to bring' }),
        'applicant: the step and the pieces to bring, in English',
      );
      const missing = phone.locator('section[aria-labelledby="status-pieces"] li');
      if ((await missing.count()) === 0) throw new Error('no missing piece listed');
      const violations = await axeViolations(phone);
      if (violations.length) throw new Error(`applicant's page: accessibility violations: ${violations.join('; ')}`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await phone.screenshot({ path: join(SCREENSHOTS, 'status-page-en-390x844.png'), fullPage: true });

      await phone.getByRole('combobox', { name: 'Language' }).selectOption('ar');
      await phone.getByRole('heading', { name: 'ملفك' }).waitFor();
      const dir = await phone.evaluate(() => document.documentElement.dir);
      if (dir !== 'rtl') throw new Error(`the Arabic page is ${dir}, not rtl`);
      await expectVisible(
        phone.getByRole('heading', { name: 'الوثائق التي ما زال عليك إحضارها' }),
        'applicant: the same page in Arabic, right to left',
      );
      await phone.screenshot({ path: join(SCREENSHOTS, 'status-page-ar-390x844.png'), fullPage: true });

      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      await missing
        .first()
        .locator('input[type=file]')
        .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
      await expectVisible(
        phone.getByRole('status').filter({ hasText: 'تم الاستلام' }),
        'applicant: a photo sent from the phone is received',
      );

      await showTab(page, 'Documents');
      await expectVisible(
        page.locator('#documents-title').locator('..').getByText('Reçu de la personne, à vérifier'),
        'emma.lille: the photo is among the documents, to check',
      );
      await showTab(page, 'Page de suivi');
      await page.getByRole('button', { name: 'Révoquer le lien' }).click();
      await page.getByRole('button', { name: 'Donner un lien', exact: true }).waitFor();
      await phone.reload();
      await expectVisible(
        phone.getByRole('alert').filter({ hasText: 'This link is not valid, or no longer is.' }),
        'applicant: once revoked, the page says the link is no longer valid',
      );
      if (problems.length) throw new Error(problems.join('\n  '));
    } finally {
      await browser.close();
    }
  },

  async 'ines.lyon records an applicant’s consent to e-mail reminders on the status page section, then withdraws it'(
    page,
  ) {
    await signIn(page, 'ines.lyon');
    // an applicant of this scenario's own, with an e-mail address on their record
    const name = `Rappels${Date.now().toString(36)}`;
    await openCase(page, 'Samira', name, `samira.${name.toLowerCase()}@example.org`);
    await showTab(page, 'Page de suivi');
    const consent = page.getByRole('checkbox', { name: /accepte de recevoir par e-mail des rappels/ });
    await expectVisible(
      page.getByText(`Envoyés à samira.${name.toLowerCase()}@example.org`),
      'ines.lyon: the address of the applicant’s record, where reminders would go',
    );
    await consent.click(); // ticked once the backend has recorded it
    await expectVisible(
      page.getByText(/Accord enregistré le .* par ines\.lyon/),
      'ines.lyon: the consent recorded, by whom and when',
    );
    await inspect(page, 'status-reminders-staff');
    await page.locator('header label', { hasText: /^EN$/ }).click();
    await expectVisible(
      page.getByText(/Consent recorded on .* by ines\.lyon/),
      'ines.lyon: in English, the consent and who recorded it',
    );
    await inspect(page, 'status-reminders-staff-en');
    await page.getByRole('checkbox', { name: /agrees to receive e-mail reminders/ }).click();
    await expectVisible(page.getByText(/Consent withdrawn on .* by ines\.lyon/), 'ines.lyon: the consent withdrawn');
    await page.locator('header label', { hasText: /^FR$/ }).click();
  },
  async 'claire.coord sets the retention, downloads an applicant’s copy of their data and erases them'(page) {
    await signIn(page, 'claire.coord');
    await page.getByRole('navigation').getByRole('link', { name: 'Données personnelles' }).click();
    await page.getByRole('heading', { name: 'Conservation des données personnelles' }).waitFor();
    await page.getByRole('textbox', { name: /^Durée de conservation/ }).fill('36');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Durée enregistrée : 36 mois.' }),
      'claire.coord: the association keeps personal data 36 months after the last contact',
    );
    await inspect(page, 'retention');

    // an applicant of this scenario's own, so that no other scenario's case goes
    const name = `Effacement${Date.now().toString(36)}`;
    await openCase(page, 'Nadia', name);
    await showTab(page, 'Données personnelles');
    await expectVisible(
      page.getByText(/ses données seront anonymisées 36 mois après le dernier contact/),
      'claire.coord: the case says when the applicant will be anonymised',
    );
    await inspect(page, 'personal-data');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger la copie' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-copy-'));
    try {
      const file = join(dir, 'copy.zip');
      await download.saveAs(file);
      const zip = readFileSync(file);
      // a zip's entry names are stored as they are
      if (zip.subarray(0, 2).toString() !== 'PK' || !zip.includes('resume.html') || !zip.includes('donnees.json'))
        throw new Error(`not the copy's zip: ${download.suggestedFilename()}`);
      pass(`claire.coord: downloaded the applicant's copy (${download.suggestedFilename()}, ${zip.length} bytes)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await page.getByRole('button', { name: 'Effacer la personne…' }).click();
    const dialog = page.getByRole('dialog', { name: `Effacer Nadia ${name} ?` });
    await expectVisible(
      dialog.getByText('les documents déposés ;'),
      'claire.coord: the confirmation names what the erasure takes',
    );
    await inspect(page, 'erase-confirm');
    await dialog.getByRole('button', { name: `Effacer Nadia ${name}` }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await page.getByRole('searchbox', { name: /Rechercher/ }).fill(name);
    await page.waitForLoadState('networkidle').catch(() => {});
    if ((await page.getByRole('link', { name: new RegExp(name) }).count()) > 0)
      throw new Error(`${name} is still in the case list`);
    pass(`claire.coord: erased ${name}, gone from the case list`);
  },

  async 'ines.lyon records an OQTF on a case still in preparation: its regime is required, its deadline follows'(page) {
    await signIn(page, 'ines.lyon');
    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('searchbox', { name: /Rechercher/ }).fill('okafor');
    await page.getByRole('link', { name: 'Grace Okafor' }).first().click();
    await page.getByRole('heading', { name: 'Grace Okafor', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer ce qui s’est passé' }).click();
    await page.getByRole('tab', { name: 'Événements', selected: true }).waitFor();
    pass('ines.lyon: the header’s action opens the events');
    await choose(page, page, 'Que s’est-il passé ?', 'Décision de la préfecture notifiée');
    await formField(page, 'Décision').waitFor();
    await formSelect(page, 'Décision', 'Refus avec OQTF');
    await formSelect(page, 'Mode de notification', 'Remise en main propre');
    await formDate(page, 'Date de notification', frDay(0));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const regime = formField(page, 'Situation de la personne');
    await expectVisible(
      regime.locator('.fjs-form-field-error'),
      `ines.lyon: an OQTF without the person's situation is refused on that field ("${(await regime.locator('.fjs-form-field-error').first().textContent())?.trim()}")`,
    );
    await inspect(page, 'case-oqtf');
    await formSelect(page, 'Situation de la personne', 'Libre');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expectVisible(
      page.getByText('Événement enregistré : Décision de la préfecture notifiée.'),
      'ines.lyon: a refusal with an OQTF is accepted on a case still in preparation',
    );
    await showTab(page, 'Tâches et échéances');
    const tasks = page.locator('#case-tasks-title').locator('..');
    await expectVisible(tasks.getByRole('link', { name: /OQTF|recours/i }), 'ines.lyon: the OQTF opens its own task');
    await expectVisible(
      tasks.getByRole('link', { name: /Préparer/ }),
      'ines.lyon: the preparation goes on beside the OQTF',
    );
  },

  async 'renewal: hugo.lyon files the renewal of a card and the renewal case starts at that filing'(page) {
    // A card granted and collected, set up through the API (the steps' forms are the ines.lyon scenarios'): its
    // end in 40 days puts today inside the prefecture's window (R431-5 CESEDA), so the renewal task comes.
    const seen = followBearer(page);
    await signIn(page, 'claire.coord');
    for (let i = 0; i < 20 && !seen.bearer; i++) await page.waitForTimeout(250);
    const coordinator = seen.bearer;
    await page.context().clearCookies();
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    seen.bearer = undefined;
    await signIn(page, 'hugo.lyon');
    for (let i = 0; i < 20 && !seen.bearer; i++) await page.waitForTimeout(250);
    const caseworker = seen.bearer;
    if (!coordinator || !caseworker) throw new Error("no bearer token seen on the app's requests");
    const today = isoDay(0);
    const opened = await api(page, caseworker, 'POST', '/api/cases', {
      applicantName: 'Moussa Keita',
      ground: 'L435-1',
      department: '69',
    });
    const old = opened.id;
    await completeThroughApi(page, caseworker, old, 'prepareCase', {
      ground: 'L435-1',
      evidenceGathered: true,
      personalStatementWritten: true,
      proceedWithApplication: true,
    });
    await completeThroughApi(page, caseworker, old, 'recordBookingAttempt', {
      attemptAt: `${today}T00:01`,
      attemptChannel: 'PREFECTURE_WEBSITE',
      attemptResult: 'SLOT_OBTAINED',
      appointmentDate: today,
    });
    await completeThroughApi(page, caseworker, old, 'prepareAppointment', { appointmentChecklist: ['CONVOCATION'] });
    await completeThroughApi(page, caseworker, old, 'attendAppointment', {
      appointmentOutcome: 'HELD',
      appointmentDate: today,
    });
    await api(page, coordinator, 'PUT', `/api/cases/${old}/filing-override`, { reason: 'Pièces vérifiées au guichet' });
    await completeThroughApi(page, caseworker, old, 'recordFiling', {
      filingDate: today,
      feePaid: true,
      feeAmount: 50,
      fileComplete: true,
    });
    await api(page, caseworker, 'POST', `/api/cases/${old}/events/decision-notified`, {
      decisionOutcome: 'GRANTED',
      notificationMode: 'HAND',
      decisionNotifiedDate: today,
    });
    await completeThroughApi(page, caseworker, old, 'collectCard', {
      cardCollectedDate: today,
      cardValidUntil: isoDay(40),
    });
    pass('hugo.lyon: a card granted and collected, its end in 40 days');

    // The renewal filed through its form, with the récépissé handed at the prefecture.
    await page.goto(`${BASE_URL}/cases/${old}`);
    await openTaskOfCase(page, /Demander le renouvellement/);
    await expectVisible(
      page.getByText(/en ligne \(ANEF\), du 120e au 60e jour .* en préfecture, dans les 2 mois/),
      'hugo.lyon: the renewal form gives the window by channel (R431-5)',
    );
    await formDate(page, 'Demande présentée le', frDay(0));
    await formSelect(page, 'Canal', 'Préfecture (rendez-vous)');
    await formDate(page, 'Récépissé ou attestation délivré le', frDay(0));
    await formDate(page, 'Récépissé ou attestation valable jusqu', frDay(90));
    await inspect(page, 'task-renewal-filed');
    await completeTask(page);
    pass('hugo.lyon: the renewal is filed through its form');

    const applicant = (await api(page, caseworker, 'GET', `/api/cases/${old}`)).applicantId;
    const cases = (await api(page, caseworker, 'GET', `/api/cases?applicantId=${applicant}`)).content;
    const renewal = cases.find((other) => other.renewalOf === old);
    if (!renewal) throw new Error('no renewal case opened');
    const closed = await api(page, caseworker, 'GET', `/api/cases/${old}`);
    if (closed.status !== 'CLOSED' || closed.progress?.closedReason !== 'RENEWED') {
      throw new Error(`the renewed case is ${closed.status}, closed for ${closed.progress?.closedReason}`);
    }
    pass('hugo.lyon: the case renewed is closed as renewed');

    await page.goto(`${BASE_URL}/cases/${renewal.id}`);
    await showTab(page, 'Tâches et échéances');
    const tasks = page.locator('#case-tasks-title').locator('..');
    await tasks.waitFor();
    if (await tasks.getByRole('link', { name: /Préparer le dossier/ }).count()) {
      throw new Error('the renewal case starts at the preparation');
    }
    await expectVisible(
      page.getByTestId('case-step').filter({ hasText: /Instruction/ }),
      'hugo.lyon: the renewal case starts at the examination, not the preparation',
    );
    await inspect(page, 'case-renewal');
    await page.getByRole('link', { name: 'Où en est le dossier' }).first().click();
    const main = await diagramCurrent(page, 'regularisation');
    if (main.includes('prepareCase')) throw new Error(`the renewal's main process marks ${main}`);
    pass(`hugo.lyon: the renewal's main process is at ${main.join(', ')}`);
    await inspect(page, 'procedure-renewal');
  },

  async 'claire.coord adds a local note and a piece to the Rhône prefecture kit and sees them on a case of the Rhône'(
    page,
  ) {
    await signIn(page, 'claire.coord');
    await page.getByRole('navigation').getByRole('link', { name: 'Kits préfecture' }).click();
    await page.getByRole('heading', { name: 'Kits préfecture', level: 2 }).waitFor();
    await page.getByRole('textbox', { name: 'Département (ex. 69)' }).fill('69');
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await page.getByRole('combobox', { name: 'Liste de pièces' }).selectOption('L425-9');
    await page.waitForURL(/department=69.*list=L425-9|list=L425-9.*department=69/);
    const photos = page.locator('li[data-kit-piece="photos"]');
    await photos.getByRole('button', { name: /^Note locale : / }).click();
    await photos.getByRole('textbox', { name: 'Note locale (français)' }).fill('Original + 2 copies');
    await photos.getByRole('textbox', { name: /Note locale \(anglais/ }).fill('The original and 2 copies');
    await photos.getByRole('button', { name: 'Enregistrer' }).click();
    await expectVisible(
      page.locator('li[data-kit-piece="photos"]').getByText('Original + 2 copies'),
      'claire.coord: a local note on the photos of the Rhône kit',
    );
    const add = page.getByRole('form', { name: 'Ajouter une pièce demandée par cette préfecture' });
    await add.getByRole('textbox', { name: 'Intitulé (français)' }).fill('Attestation de domiciliation du CCAS');
    await add.getByRole('textbox', { name: 'Intitulé (anglais)' }).fill('CCAS address certificate');
    await add
      .getByRole('textbox', { name: 'Note locale (français)' })
      .fill('Rendez-vous uniquement par le formulaire en ligne');
    await add.getByRole('button', { name: 'Ajouter la pièce' }).click();
    const added = page.locator('li[data-kit-piece="local-attestation-de-domiciliation-du-ccas"]');
    await expectVisible(added.getByText('Ajoutée par le kit'), 'claire.coord: a piece added to the kit');
    await expectVisible(
      page.getByRole('region', { name: 'Historique du kit' }).getByText('Pièce ajoutée'),
      'claire.coord: the kit’s history says who added it',
    );
    await inspect(page, 'prefecture-kit');
    await page.locator('header label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Prefecture kits', level: 2 }).waitFor();
    await expectVisible(
      added.getByText('CCAS address certificate'),
      'claire.coord: in English, the added piece under its English label',
    );
    await expectVisible(
      page.locator('li[data-kit-piece="photos"]').getByText('The original and 2 copies'),
      'claire.coord: in English, the note in English',
    );
    await inspect(page, 'prefecture-kit-en');
    await page.locator('header label', { hasText: /^FR$/ }).click();
    await page.getByRole('heading', { name: 'Kits préfecture', level: 2 }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('searchbox', { name: /Rechercher/ }).fill('dolma');
    await page.getByRole('link', { name: 'Tenzin Dolma' }).first().click();
    await page.getByRole('heading', { name: 'Tenzin Dolma', level: 2 }).waitFor();
    await showTab(page, 'Pièces');
    const piece = page.locator('li[data-piece="local-attestation-de-domiciliation-du-ccas"]');
    await expectVisible(
      piece.getByText('Demandée par la préfecture'),
      'claire.coord: the piece the kit adds is on the Rhône case’s checklist',
    );
    await expectVisible(
      piece.getByText('Préfecture : Rendez-vous uniquement par le formulaire en ligne'),
      'claire.coord: with its local note',
    );
    await expectVisible(
      page.locator('li[data-piece="photos"]').getByText('Préfecture : Original + 2 copies'),
      'claire.coord: the photos carry the kit’s note',
    );
    await inspect(page, 'case-prefecture-kit');
  },
};

async function run(name, scenario) {
  const profile = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR', // native date fields follow the browser's language, not the emulated locale
    ],
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: DESKTOP,
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  watch(page, problems);
  try {
    await scenario(page);
    if (problems.length) throw new Error(problems.join('\n  '));
    return true;
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    console.log(`not ok - ${name}: ${error instanceof Error ? error.message : error}`);
    if (problems.length) console.log(`  also: ${problems.join('\n  ')}`);
    console.log(`  at ${page.url()}; screenshot: ${screenshot}`);
    return false;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  process.exit(1);
}
const only = process.env.E2E_ONLY;
let failed = 0;
let ran = 0;
for (const [name, scenario] of Object.entries(scenarios)) {
  if (only && !name.includes(only)) continue;
  ran++;
  if (!(await run(name, scenario))) failed++;
}
console.log(`${ran - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
