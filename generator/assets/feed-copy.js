/* knowledge-site: the copy buttons of feed addresses (the subscribe page, "follow" blocks). A
   file, not inline code, so a Content-Security-Policy without 'unsafe-inline' allows it.
   Without a clipboard (old browser, plain http) the buttons stay hidden and the addresses can
   still be selected and copied. A copied address is announced in the nearest .ks-copy-status
   (data-copied) and, for two seconds, on the button itself (data-done). */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;

  function statusFor(button) {
    var box = button.closest("aside, section, .ks-subscribe");
    return (box && box.querySelector(".ks-copy-status")) ||
      document.querySelector(".ks-copy-status");
  }

  function confirm(button) {
    var status = statusFor(button);
    if (status) status.textContent = button.getAttribute("data-copied") || "";
    var done = button.getAttribute("data-done");
    if (!done) return;
    if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
    button.textContent = done;
    window.setTimeout(function () {
      button.textContent = button.getAttribute("data-label");
    }, 2000);
  }

  var buttons = document.querySelectorAll("button.ks-copy[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        confirm(button);
      }, function () { /* permission refused: the address can still be selected */ });
    });
  });
})();
