/* knowledge-site: the copy buttons of the subscribe page. A file, not inline code, so a
   Content-Security-Policy without 'unsafe-inline' allows it. Without a clipboard (old browser,
   plain http) the buttons stay hidden and the addresses can still be selected and copied. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  var status = document.querySelector(".ks-copy-status");
  var buttons = document.querySelectorAll("button.ks-copy[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = button.getAttribute("data-copied") || "";
      });
    });
  });
})();
