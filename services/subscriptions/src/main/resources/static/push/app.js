// Subscribes this browser at its push service with Herald's VAPID public key and registers the subscription as a
// WEB_PUSH endpoint of a municipality (POST /api/municipalities/{id}/endpoints).
'use strict';

const statusLine = document.getElementById('status');

function show(text, failed) {
  statusLine.textContent = text;
  statusLine.className = failed ? 'error' : '';
}

function base64UrlToBytes(text) {
  const base64 = (text + '='.repeat((4 - (text.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

// the body of the endpoint registration, from pushSubscription.toJSON()
function registrationBody(subscription) {
  return {
    channel: 'WEB_PUSH',
    subscription: {
      endpoint: subscription.endpoint,
      expirationTime: subscription.expirationTime ?? null,
      keys: { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth },
    },
  };
}

async function problemText(response) {
  try {
    const problem = await response.json();
    const fields = (problem.errors || []).map((error) => `${error.field}: ${error.message}`);
    return [problem.title || response.status, problem.detail, ...fields].filter(Boolean).join('\n');
  } catch (notJson) {
    return `HTTP ${response.status}`;
  }
}

async function subscribe(municipalityId) {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
    throw new Error('This browser does not support web push (or the page is not served over https or localhost).');
  }
  const config = await fetch('/api/web-push/config');
  if (!config.ok) {
    throw new Error(await problemText(config));
  }
  const { vapidPublicKey } = await config.json();
  const registration = await navigator.serviceWorker.register('sw.js', { scope: './' });
  await navigator.serviceWorker.ready;
  if ((await Notification.requestPermission()) !== 'granted') {
    throw new Error('Notifications are not allowed for this page.');
  }
  const existing = await registration.pushManager.getSubscription();
  if (existing) {
    // subscribed with another key earlier: push services refuse a second key for the same subscription
    await existing.unsubscribe();
  }
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64UrlToBytes(vapidPublicKey),
  });
  const response = await fetch(`/api/municipalities/${encodeURIComponent(municipalityId)}/endpoints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(registrationBody(subscription.toJSON())),
  });
  if (!response.ok) {
    throw new Error(await problemText(response));
  }
  return response.json();
}

document.getElementById('subscribe').addEventListener('submit', async (event) => {
  event.preventDefault();
  const municipalityId = document.getElementById('municipality').value.trim();
  show('Subscribing…', false);
  try {
    const endpoint = await subscribe(municipalityId);
    show(`Subscribed: endpoint ${endpoint.id} is ${endpoint.status}.`, false);
  } catch (error) {
    show(error.message, true);
  }
});
