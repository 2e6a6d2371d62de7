// Herald's service worker: shows each push message as a notification and opens the session on click.
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
      // one notification per session: a newer version replaces the one still shown
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
