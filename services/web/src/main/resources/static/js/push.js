// This browser's web push opt-in, on a municipality's endpoints page: asks for the permission to notify, registers
// Herald's service worker (/sw.js), subscribes at the browser's push service with the server's VAPID key and posts
// the subscription, with the page's CSRF token, to the web application, which registers it as a WEB_PUSH endpoint
// with the signed-in person's token. The page's texts come from the #push element's data attributes.
'use strict';

(() => {
  const section = document.getElementById('push');
  const button = document.getElementById('push-opt-in');
  const status = document.getElementById('push-status');
  const alert = document.getElementById('push-error');
  if (!section || !button) {
    return;
  }
  const text = section.dataset;

  function fail(message) {
    status.textContent = '';
    alert.textContent = message;
    alert.hidden = false;
    button.disabled = false;
  }

  function base64UrlToBytes(encoded) {
    const base64 = (encoded + '='.repeat((4 - (encoded.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      const fields = (problem.errors || []).map((error) => `${error.field}: ${error.message}`);
      return [problem.detail || problem.title, ...fields].filter(Boolean).join(' ') || `HTTP ${response.status}`;
    } catch (notJson) {
      return `HTTP ${response.status}`;
    }
  }

  async function optIn() {
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
      throw new Error(text.unsupported);
    }
    if ((await Notification.requestPermission()) !== 'granted') {
      throw new Error(text.denied);
    }
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    const existing = await registration.pushManager.getSubscription();
    if (existing) {
      // subscribed with another key earlier: push services refuse a second key for the same subscription
      await existing.unsubscribe();
    }
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(text.vapidPublicKey),
    });
    const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
    const csrfToken = document.querySelector('meta[name="_csrf"]');
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrfHeader && csrfToken) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    const response = await fetch(text.action, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(subscription.toJSON()),
    });
    if (!response.ok) {
      throw new Error(`${text.failed} ${await problemText(response)}`);
    }
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    alert.hidden = true;
    alert.textContent = '';
    status.textContent = text.working;
    try {
      await optIn();
      window.location.reload();
    } catch (error) {
      fail(error && error.message ? error.message : String(error));
    }
  });
})();
