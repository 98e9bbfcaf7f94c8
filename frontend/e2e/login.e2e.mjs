// End to end against a running backend and Keycloak: signing in through the Keycloak login
// page and choosing an association. `npm run e2e`; BASE_URL defaults to http://localhost:8080.
// Prints a line per passed check; on a failure saves a screenshot under e2e/artifacts/ and exits 1.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const TIMEOUT_MS = 30_000;

function pass(check) {
  console.log(`ok - ${check}`);
}

/** Opens the app in a browser of its own (a fresh profile: no Keycloak session) and signs in. */
async function signIn(page, username) {
  await page.goto(BASE_URL);
  await page.waitForURL(/\/realms\/[^/]+\/protocol\/openid-connect\/auth/);
  await page.locator('#username').waitFor();
  pass(`${username}: redirected to the Keycloak login page (${new URL(page.url()).origin})`);

  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo');
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(BASE_URL));
  await page.getByRole('heading', { name: 'Mes tâches' }).waitFor();
  pass(`${username}: signed in and back on the app`);
}

/** The row of an association in "Mes associations". */
function associationRow(page, name) {
  return page.getByRole('row').filter({ hasText: name });
}

async function expectVisible(locator, check) {
  await locator.first().waitFor({ state: 'visible' });
  pass(check);
}

const scenarios = {
  async 'ines.lyon signs in and sees her association'(page) {
    await signIn(page, 'ines.lyon');
    await page.getByRole('link', { name: 'Mon espace' }).click();
    await expectVisible(page.getByRole('heading', { name: /^In[eè]s\b/ }), 'ines.lyon: her name is shown');
    await expectVisible(associationRow(page, 'Accueil Étrangers Lyon'), 'ines.lyon: Accueil Étrangers Lyon is shown');
  },

  async 'me.durand chooses one of her two associations'(page) {
    await signIn(page, 'me.durand');
    await page.getByRole('link', { name: 'Mon espace' }).click();
    await expectVisible(associationRow(page, 'Accueil Étrangers Lyon'), 'me.durand: Accueil Étrangers Lyon is listed');
    await expectVisible(
      associationRow(page, 'Droits Devant Marseille'),
      'me.durand: Droits Devant Marseille is listed',
    );

    const chosen = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/me' &&
        response.request().headers()['x-association'] === 'droits-marseille',
    );
    await page.getByRole('button', { name: 'Choisir Droits Devant Marseille' }).click();
    const response = await chosen;
    if (response.status() !== 200) throw new Error(`GET /api/me with X-Association answered ${response.status()}`);
    pass('me.durand: /api/me asked again with X-Association: droits-marseille');
    await expectVisible(
      associationRow(page, 'Droits Devant Marseille').getByText('Association courante'),
      'me.durand: Droits Devant Marseille is shown as current',
    );

    await page.reload();
    await expectVisible(
      associationRow(page, 'Droits Devant Marseille').getByText('Association courante'),
      'me.durand: the choice is remembered after a reload',
    );
  },
};

async function run(name, scenario) {
  const profile = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  // launchPersistentContext gives Chromium this fresh --user-data-dir.
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
    ],
    locale: 'fr-FR',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await scenario(page);
    return true;
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    console.log(`not ok - ${name}: ${error instanceof Error ? error.message : error}`);
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
let failed = 0;
for (const [name, scenario] of Object.entries(scenarios)) {
  if (!(await run(name, scenario))) failed++;
}
const total = Object.keys(scenarios).length;
console.log(`${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
