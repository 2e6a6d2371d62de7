// Where the stack under test is, who signs in, and how: everything comes from BrowserIntegrationTests.
import assert from 'node:assert/strict';
import { visited } from './browser.js';

function required(name) {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run these tests through BrowserIntegrationTests (tools/local-stack)`);
  return value;
}

export const WEB = required('HERALD_WEB_URL').replace(/\/$/, '');
export const AUTHORIZATION = required('HERALD_AUTHORIZATION_URL').replace(/\/$/, '');
export const MAILBOX = required('HERALD_MAILBOX_URL').replace(/\/$/, '');
export const WEBHOOK_URL = required('HERALD_WEBHOOK_URL');
export const PUSH_ENDPOINT = required('HERALD_PUSH_ENDPOINT');
export const RESULTS = required('HERALD_RESULTS');

export const PLOCK = '6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b';
export const NETWORKING_SESSION = '5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11';
export const NETWORKING = {
  en: 'Networking of cities and municipalities as a way to transfer knowledge and innovation',
  pl: 'Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji',
};

export function password(user) {
  return required(`HERALD_PASSWORD_${user.toUpperCase()}`);
}

/** A browser profile of its own: its language (Accept-Language, navigator.language) and its viewport. */
export function context(browser, { locale, viewport }) {
  return browser.newContext({ locale, viewport, baseURL: WEB });
}

/**
 * Signs in through the authorization server's own login page, as a person does: a protected page of the web
 * application sends the browser there, and back after the password. The login page is checked with axe-core.
 */
export async function signIn(page, user, { start = '/', keyboard = false, language, shot } = {}) {
  await page.goto(WEB + start);
  await page.waitForURL((url) => url.href.startsWith(AUTHORIZATION));
  await page.locator('#username').waitFor();
  if (language) {
    assert.equal(await page.locator('html').getAttribute('lang'), language, 'the sign-in page speaks the page language');
  }
  await visited(page, `the sign-in page for ${user}`, { shot });
  if (keyboard) {
    // the form is usable without a pointer: the user name has the focus, Tab moves on, Enter submits
    await page.locator('#username').focus();
    await page.keyboard.type(user);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password(user));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'submit');
    await page.keyboard.press('Enter');
  } else {
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(password(user));
    await page.locator('button[type=submit]').click();
  }
  await page.waitForURL((url) => url.href.startsWith(WEB) && !url.pathname.startsWith('/login'));
}

/**
 * Replaces PushManager.prototype.subscribe (and getSubscription) in every page of the context. Debian's Chromium
 * has no push service it can reach from here (no Google Cloud Messaging sender), so a real subscribe() fails. The
 * replacement returns a subscription as a browser would: its endpoint is the push receiver BrowserIntegrationTests
 * runs, its keys a real P-256 key pair made with WebCrypto in the page (p256dh the raw public key, auth 16 random
 * bytes, both base64url), so that the notifications service encrypts to it as to any browser. Everything else stays
 * real: the notification permission, the service worker's registration, the VAPID key the page subscribes with and
 * the registration of the subscription with the clerk's session.
 */
export async function replacePushService(context, endpoint) {
  await context.addInitScript((endpoint) => {
    if (typeof PushManager === 'undefined') {
      return;
    }
    const base64url = (bytes) =>
      btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    let subscription = null;
    PushManager.prototype.subscribe = async function subscribe(options) {
      if (!options?.applicationServerKey) {
        throw new DOMException('applicationServerKey is required', 'NotSupportedError');
      }
      const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
      const p256dh = await crypto.subtle.exportKey('raw', pair.publicKey);
      const auth = crypto.getRandomValues(new Uint8Array(16));
      const keys = { p256dh: base64url(p256dh), auth: base64url(auth) };
      subscription = {
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: options.applicationServerKey },
        getKey: (name) => (name === 'p256dh' ? p256dh : name === 'auth' ? auth.buffer : null),
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: async () => {
          subscription = null;
          return true;
        },
      };
      // kept across the reload that follows the registration, for the test to compare with the page's key
      sessionStorage.setItem('applicationServerKey', base64url(options.applicationServerKey));
      return subscription;
    };
    PushManager.prototype.getSubscription = async function getSubscription() {
      return subscription;
    };
  }, endpoint);
}

/** The raw messages of an address in the mailbox (GreenMail's API), newest last. */
export async function mailTo(address) {
  const response = await fetch(`${MAILBOX}/api/user/${encodeURIComponent(address)}/messages/`);
  if (response.status === 404 || response.status === 400) {
    return [];
  }
  assert.equal(response.status, 200, `mailbox API for ${address}`);
  return (await response.json()).map((message) => message.mimeMessage);
}

/** The http(s) target of a message's List-Unsubscribe header, the one-click link (RFC 8058). */
export function unsubscribeLink(mime) {
  const headers = mime.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const header = headers.split(/\r?\n/).find((line) => /^List-Unsubscribe:/i.test(line));
  const link = header?.match(/<(https?:\/\/[^>]+)>/);
  return link?.[1];
}
