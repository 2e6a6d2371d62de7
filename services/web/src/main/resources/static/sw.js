// Herald's service worker, at the root so that its scope is the whole site: shows each push message as a
// notification (one per session: a newer version replaces the one still shown) and opens its link on a click.
'use strict';

self.addEventListener('push', (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || 'Herald', {
      body: message.body || '',
      lang: message.lang || '',
      tag: message.sessionId || 'herald',
      renotify: true,
      data: { url: message.url, sessionId: message.sessionId, version: message.version, kind: message.kind },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (url) {
    event.waitUntil(self.clients.openWindow(url));
  }
});
