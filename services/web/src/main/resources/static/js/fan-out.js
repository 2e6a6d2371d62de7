// The fan-out page follows its fan-out live: its server-sent events update the counts and the status until the
// fan-out is final. Without EventSource the page still shows the counts as they were when it was loaded.
(function () {
  var table = document.getElementById('fan-out');
  var status = document.getElementById('fan-out-status');
  var held = document.getElementById('fan-out-held');
  var stream = table && table.getAttribute('data-stream');
  if (!stream || !window.EventSource) {
    return;
  }
  var source = new EventSource(stream);
  function set(element, text) {
    if (element && element.textContent !== String(text)) {
      element.textContent = text;
    }
  }
  source.addEventListener('progress', function (event) {
    var progress = JSON.parse(event.data);
    Object.keys(progress.channels).forEach(function (channel) {
      var counts = progress.channels[channel];
      Object.keys(counts).forEach(function (word) {
        set(document.getElementById(channel + '-' + word), counts[word]);
      });
    });
    set(status, progress.text);
    status.setAttribute('data-state', progress.state);
    set(held, progress.held);
  });
  source.addEventListener('end', function () {
    source.close();
  });
})();
