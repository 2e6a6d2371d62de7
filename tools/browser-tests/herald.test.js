// Herald's main scenario, in order, as the people it is for go through it. Each step builds on the one before:
// the operator's change reaches the webhook and the push subscription the clerk added first.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, fitsTheWidth, launch, screenshot, visited, waitFor } from './lib/browser.js';
import {
  AUTHORIZATION,
  NETWORKING,
  NETWORKING_SESSION,
  PLOCK,
  PUSH_ENDPOINT,
  RESULTS,
  WEB,
  WEBHOOK_URL,
  context,
  mailTo,
  replacePushService,
  signIn,
  unsubscribeLink,
} from './lib/herald.js';

const PORTAL = `/municipalities/${PLOCK}`;
let failed;

/** A step of the scenario: skipped once an earlier one failed, since each builds on what the ones before did. */
function step(name, body) {
  it(name, async (t) => {
    if (failed) {
      t.skip(`after "${failed}" failed`);
      return;
    }
    try {
      await body();
    } catch (error) {
      failed = name;
      await showWhereItFailed();
      throw error;
    }
  });
}
const TERRITORIAL_COHESION = 'Spójność terytorialna';

let browser;

/** Every open page's address, main text and a screenshot (failed-<n>.png), to explain a failed step. */
async function showWhereItFailed() {
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  for (const [index, page] of pages.entries()) {
    const text = await page.locator('main, body').first().innerText().catch((error) => error.message);
    console.log(`page ${index}: ${page.url()}\n${text}`);
    await screenshot(page, `failed-${index}`).catch(() => {});
  }
}

describe('Herald in a browser', { concurrency: 1 }, () => {
  let clerk; // Płock's clerk, in Polish
  let operator;
  let fanOut; // the fan-out page's URL, for the history step

  before(async () => {
    browser = await launch();
    const plock = await context(browser, { locale: 'pl-PL', viewport: DESKTOP });
    await plock.grantPermissions(['notifications'], { origin: WEB });
    await replacePushService(plock, PUSH_ENDPOINT);
    clerk = await plock.newPage();
    operator = await (await context(browser, { locale: 'en-GB', viewport: DESKTOP })).newPage();
  });

  after(async () => {
    await browser?.close();
  });

  step("Płock's clerk signs in and lands on Płock's portal, in Polish", async () => {
    await signIn(clerk, 'plock', { language: 'pl', shot: 'sign-in' });
    await clerk.waitForURL(`${WEB}${PORTAL}`);
    assert.equal(await clerk.locator('html').getAttribute('lang'), 'pl');
    await clerk.getByRole('heading', { level: 1, name: 'Miasto Płock' }).waitFor();
    await visited(clerk, 'portal overview', { shot: 'portal-overview' });
  });

  step('subscribes to territorial cohesion, picked by its Polish label', async () => {
    await clerk.goto(`${PORTAL}/subscriptions`);
    await visited(clerk, 'subscriptions');
    // the demo data has Płock following the theme already, and following it twice is refused: it goes first
    const following = clerk.locator('#subscriptions tr[data-type=THEME]', { hasText: TERRITORIAL_COHESION });
    if ((await following.count()) > 0) {
      await following.getByRole('button', { name: 'Przestań obserwować' }).click();
      await following.waitFor({ state: 'detached' });
      await visited(clerk, 'subscriptions after ending one');
    }
    const form = clerk.locator('form:has(#theme)');
    await form.locator('#type-theme').check();
    await form.locator('#theme').selectOption({ label: TERRITORIAL_COHESION });
    await form.locator('button[type=submit]').click();
    await following.waitFor();
    const shown = await clerk.locator('main').innerText();
    assert.ok(!shown.includes('territorial-cohesion'), `the page shows the label, not the slug: ${shown}`);
    await visited(clerk, 'subscriptions after subscribing', { shot: 'portal-subscriptions' });
  });

  step('adds a webhook and sees its secret once', async () => {
    await clerk.goto(`${PORTAL}/endpoints`);
    await visited(clerk, 'endpoints');
    const form = clerk.locator('form:has(#url)');
    await form.locator('#url').fill(WEBHOOK_URL);
    await form.locator('button[type=submit]').click();
    const shown = clerk.locator('#secret');
    await shown.waitFor();
    const secret = (await shown.inputValue()).trim();
    assert.match(secret, /^whsec_/);
    await writeFile(path.join(RESULTS, 'webhook-secret'), secret);
    await visited(clerk, 'the new webhook with its secret', { shot: 'portal-endpoints-secret' });

    await clerk.reload();
    await clerk.locator('#secret-gone').waitFor();
    assert.ok(!(await clerk.content()).includes(secret), 'the secret is shown once, not after a reload');
    await visited(clerk, 'the secret page after a reload');
    await clerk.goto(`${PORTAL}/endpoints`);
    assert.ok(!(await clerk.content()).includes(secret), 'nor in the list of endpoints');
    await clerk.locator('#endpoints tr[data-channel=WEBHOOK]', { hasText: WEBHOOK_URL }).waitFor();
  });

  step('opts this browser in to web push, and the endpoint appears', async () => {
    await clerk.goto(`${PORTAL}/endpoints`);
    await clerk.locator('#push-opt-in').click();
    await clerk.locator('#endpoints tr[data-channel=WEB_PUSH]').waitFor({ timeout: 30_000 });
    // the permission the test granted, and the service worker the page registered for real
    assert.equal(await clerk.evaluate(() => Notification.permission), 'granted');
    const worker = await clerk.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    assert.equal(worker, `${WEB}/sw.js`);
    const key = await clerk.evaluate(() => sessionStorage.getItem('applicationServerKey'));
    assert.equal(key, await clerk.locator('#push').getAttribute('data-vapid-public-key'), 'subscribed with the VAPID key');
    await visited(clerk, 'endpoints with web push', { shot: 'portal-endpoints' });
  });

  step('the operator reschedules the networking session, sees the preview and the count, and watches the fan-out',
    async () => {
      await signIn(operator, 'operator', { start: '/console' });
      await operator.waitForURL(`${WEB}/console**`);
      await visited(operator, 'console: events', { shot: 'console-events' });

      await operator.locator('#q').fill('Regions');
      await operator.locator('form:has(#q) button[type=submit]').click();
      await operator.getByRole('link', { name: '20th European Week of Regions and Cities' }).click();
      await visited(operator, 'console: the sessions of an event');
      await operator.locator('#q').fill('Networking');
      await operator.locator('form:has(#q) button[type=submit]').click();
      await operator.getByRole('link', { name: NETWORKING.en }).click();
      await operator.waitForURL('**/console/sessions/**');
      await visited(operator, 'console: the session', { shot: 'console-session' });

      await operator.getByRole('link', { name: 'Edit', exact: true }).click();
      await operator.waitForURL('**/edit');
      await visited(operator, 'console: editing the session');
      // the seeded session took place in 2022, and a push about a session that has ended is not worth sending
      // (notifications rejects it): it moves to a month from now, half an hour later in the day, as long as before
      const start = operator.locator('input[type=datetime-local][name=start]');
      const end = operator.locator('input[type=datetime-local][name=end]');
      const shift = shiftToNextMonth(await start.inputValue(), 30);
      await end.fill(shifted(await end.inputValue(), shift));
      await start.fill(shifted(await start.inputValue(), shift));
      await operator.getByRole('button', { name: 'Preview', exact: true }).click();
      await operator.locator('#change-kind').waitFor();
      assert.match(await operator.locator('#change-kind').innerText(), /rescheduled/);
      // Płock, Lublin and Fundão follow territorial cohesion by email; Płock also by its webhook and this browser
      assert.match(
        await operator.locator('#audience').innerText(),
        /3 municipalities, 5 endpoints \(email 3, webhook 1, web push 1\)/,
      );
      await visited(operator, 'console: the preview', { shot: 'console-preview' });

      await operator.getByRole('button', { name: 'Save', exact: true }).click();
      await operator.waitForURL('**/fan-out**');
      await operator.evaluate(() => {
        window.notReloaded = true;
      });
      await visited(operator, 'console: the fan-out, under way');
      const status = operator.locator('#fan-out-status');
      await operator
        .locator('#fan-out-status:is([data-state=delivered], [data-state=dead], [data-state=nobody])')
        .waitFor({ timeout: 180_000 });
      assert.equal(await status.getAttribute('data-state'), 'delivered', await operator.locator('main').innerText());
      assert.ok(await operator.evaluate(() => window.notReloaded), 'the page followed the fan-out without a reload');
      fanOut = operator.url();
      await visited(operator, 'console: the fan-out, delivered', { shot: 'console-fan-out' });
    });

  step("Płock's history shows the delivery of that change", async () => {
    assert.ok(fanOut, 'the change was saved');
    await clerk.goto(`${PORTAL}/deliveries`);
    // filled from the notifications service's outcomes: a moment after the fan-out page says delivered
    const sent = clerk.locator(`#deliveries tr[data-session-id="${NETWORKING_SESSION}"][data-status=SENT]`);
    await waitFor(
      async () => {
        await clerk.reload();
        return (await sent.count()) >= 3;
      },
      { what: "the email, webhook and web push deliveries in Płock's history" },
    );
    const rows = await sent.allInnerTexts();
    for (const channel of ['E-mail', 'Webhook', 'Powiadomienia w przeglądarce']) {
      assert.ok(rows.some((row) => row.includes(channel) && row.includes(NETWORKING.pl)), `${channel}: ${rows}`);
    }
    await visited(clerk, 'history', { shot: 'portal-history' });
  });

  step('a new email address is confirmed from a mail and a page in Polish, then the clerk sends the link again',
    async () => {
      const address = 'sekretariat@plock.example';
      await clerk.goto(`${PORTAL}/endpoints`);
      await clerk.locator('#address').fill(address);
      await clerk.locator('form:has(#address) button[type=submit]').click();
      const row = clerk.locator('#endpoints tr[data-channel=EMAIL]', { hasText: address });
      await row.and(clerk.locator('[data-status=PENDING_VERIFICATION]')).waitFor();
      await visited(clerk, 'endpoints with an address waiting for its confirmation');
      await row.getByRole('button', { name: 'Wyślij link ponownie' }).click();
      await clerk.locator('p.notice[role=status]').waitFor();

      const mails = await waitFor(async () => {
        const all = await mailTo(address);
        return all.length >= 2 && all;
      }, { what: 'the two confirmation mails' });
      const text = bodyText(mails.at(-1));
      assert.match(text, /Potwierdź go/, `the confirmation mail is in Polish: ${text}`);
      assert.ok(text.includes('Miasto Płock'), `it names the municipality: ${text}`);
      const link = text.match(/https?:\/\/\S+\/endpoints\/verify\/\S+/)?.[0];
      assert.ok(link, `a confirmation link: ${text}`);

      // opened in a browser that speaks English: the page speaks the municipality's language all the same
      const recipient = await (await context(browser, { locale: 'en-GB', viewport: PHONE })).newPage();
      await recipient.goto(link);
      assert.equal(await recipient.locator('html').getAttribute('lang'), 'pl');
      await visited(recipient, 'the verification page', { shot: 'verification' });
      await recipient.getByRole('button', { name: 'Potwierdź' }).click();
      await recipient.waitForLoadState();
      await visited(recipient, 'the verification page, confirmed');
      await recipient.context().close();

      await waitFor(async () => {
        await clerk.reload();
        return (await row.and(clerk.locator('[data-status=ACTIVE]')).count()) === 1;
      }, { what: 'the confirmed address shown active' });
    });

  step('the other pages pass axe-core too: confirmations, the admin, Fundão in Portuguese, dead letters, audit',
    async () => {
      await clerk.goto(`${PORTAL}/erasure`);
      await visited(clerk, 'the confirmation before erasing the municipality');
      const webhook = clerk.locator('#endpoints tr[data-channel=WEBHOOK]');
      await clerk.goto(`${PORTAL}/endpoints`);
      await webhook.getByRole('link', { name: 'Usuń' }).click();
      await visited(clerk, 'the confirmation before deleting an endpoint');

      const admin = await (await context(browser, { locale: 'pt-PT', viewport: DESKTOP })).newPage();
      await signIn(admin, 'admin');
      await admin.waitForURL(`${WEB}/municipalities`);
      await visited(admin, 'every municipality, for the admin');
      await admin.getByRole('link', { name: 'Município do Fundão' }).click();
      assert.equal(await admin.locator('html').getAttribute('lang'), 'pt');
      await visited(admin, "Fundão's overview, in Portuguese");
      for (const page of ['subscriptions', 'endpoints', 'deliveries']) {
        await admin.goto(`${admin.url().replace(/\/(subscriptions|endpoints|deliveries)$/, '')}/${page}`);
        await visited(admin, `Fundão: ${page}`);
      }
      await admin.context().close();

      for (const page of ['/console/dead', '/console/audit']) {
        await operator.goto(page);
        await visited(operator, page);
      }
    });

  step("Lublin's clerk gets 'not found' for Płock's pages", async () => {
    const lublin = await (await context(browser, { locale: 'pl-PL', viewport: DESKTOP })).newPage();
    await signIn(lublin, 'lublin');
    for (const page of ['', '/subscriptions', '/endpoints', '/deliveries']) {
      const response = await lublin.goto(PORTAL + page);
      assert.equal(response.status(), 404, `${PORTAL}${page} for Lublin`);
      await lublin.getByRole('heading', { level: 1, name: 'Nie znaleziono' }).waitFor();
      assert.ok(!(await lublin.content()).includes('Płock'), 'nothing of Płock shows');
      await visited(lublin, `not found: ${page || 'overview'}`, { shot: page === '' && 'not-found' });
    }
    await lublin.context().close();
  });

  step("the unsubscribe page linked from Płock's mail is in Polish and names what it ends", async () => {
    const mail = await waitFor(
      async () => (await mailTo('powiadomienia@plock.example')).findLast((mime) => unsubscribeLink(mime)),
      { what: "Płock's mail about the change" },
    );
    // a recipient whose browser speaks English: the page speaks the municipality's language all the same
    const recipient = await (await context(browser, { locale: 'en-GB', viewport: PHONE })).newPage();
    const response = await recipient.goto(unsubscribeLink(mail));
    assert.equal(response.status(), 200);
    assert.equal(await recipient.locator('html').getAttribute('lang'), 'pl');
    const text = await recipient.locator('body').innerText();
    assert.ok(text.includes(TERRITORIAL_COHESION) || text.includes(NETWORKING.pl), `names the theme: ${text}`);
    assert.ok(!/territorial-cohesion|[0-9a-f]{8}-[0-9a-f]{4}-/.test(text), `no slugs or ids: ${text}`);
    assert.match(text, /subskrypcj|powiadomie/i);
    await fitsTheWidth(recipient, 'the unsubscribe page');
    await visited(recipient, 'unsubscribe', { shot: 'unsubscribe' });
    await recipient.context().close();
  });

  step('the portal and the console work at a phone’s width and with a keyboard', async () => {
    const phone = await (await context(browser, { locale: 'pl-PL', viewport: PHONE })).newPage();
    await signIn(phone, 'plock', { keyboard: true });
    for (const page of ['', '/subscriptions', '/endpoints', '/deliveries']) {
      await phone.goto(PORTAL + page);
      await fitsTheWidth(phone, PORTAL + page);
      await visited(phone, `${PORTAL}${page} at 360 px`, { shot: page === '/endpoints' && 'phone-portal-endpoints' });
    }
    await phone.context().close();

    const narrowOperator = await (await context(browser, { locale: 'en-GB', viewport: PHONE })).newPage();
    await signIn(narrowOperator, 'operator', { start: '/console', keyboard: true });
    await fitsTheWidth(narrowOperator, '/console');
    await visited(narrowOperator, 'console at 360 px', { shot: 'phone-console' });
    await narrowOperator.goto(`/console/sessions/${NETWORKING_SESSION}`);
    await fitsTheWidth(narrowOperator, 'the session page');
    await visited(narrowOperator, 'the session page at 360 px');
    await narrowOperator.goto(fanOut);
    await fitsTheWidth(narrowOperator, 'the fan-out page');
    await visited(narrowOperator, 'the fan-out page at 360 px');
    await narrowOperator.context().close();
  });

  step('signing out ends the session: the portal asks for the password again', async () => {
    await clerk.goto(PORTAL);
    await clerk.getByRole('button', { name: 'Wyloguj się' }).click();
    await clerk.waitForURL((url) => !url.pathname.startsWith('/logout'));
    await visited(clerk, 'after signing out');
    await clerk.goto(PORTAL);
    await clerk.waitForURL((url) => url.href.startsWith(AUTHORIZATION));
    await clerk.locator('#password').waitFor();
  });
});

/** The text of a single-part mail, decoded from quoted-printable or base64. */
function bodyText(mime) {
  const [head, ...rest] = mime.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = head.match(/^Content-Transfer-Encoding:\s*(\S+)/im)?.[1]?.toLowerCase();
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

/** From a datetime-local value to the same time of day a month from today, plus minutes: in milliseconds. */
function shiftToNextMonth(value, minutes) {
  const target = new Date();
  target.setUTCDate(target.getUTCDate() + 30);
  const moved = new Date(`${target.toISOString().slice(0, 10)}T${value.slice(11, 16)}:00Z`);
  return moved.getTime() + minutes * 60_000 - new Date(`${value.slice(0, 16)}:00Z`).getTime();
}

/** A datetime-local value moved by milliseconds, in wall-clock terms. */
function shifted(value, milliseconds) {
  return new Date(new Date(`${value.slice(0, 16)}:00Z`).getTime() + milliseconds).toISOString().slice(0, 16);
}
