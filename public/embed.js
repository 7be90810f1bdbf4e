/* Wegmarke embed helper: include once on a page with
   <iframe data-wegmarke-embed src="…/index.html#/embed/…"></iframe>.
   The embedded view reports its height; this script sets the iframe's height, but only for a
   message that comes from that iframe's window and origin. No cookies, no other requests. */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'wegmarke:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-wegmarke-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      var origin;
      try { origin = new URL(frame.src, window.location.href).origin; } catch (e) { continue; }
      if (event.source === frame.contentWindow && event.origin === origin) {
        frame.style.height = Math.max(50, Math.min(Math.ceil(data.height), 20000)) + 'px';
      }
    }
  });
})();
