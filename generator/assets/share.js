/* knowledge-site: "copy link", the share kit's copy buttons, and the phone's own share sheet.
   No inline script or handler anywhere (pages work under a Content-Security-Policy without
   'unsafe-inline'). Every button this file drives carries data-ks-needs and stays hidden until
   the browser is found to support what it needs; the plain share links work without it. */
(function () {
  "use strict";
  var can = {
    clipboard: !!(window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText),
    share: typeof navigator.share === "function"
  };

  function enable() {
    var nodes = document.querySelectorAll("[data-ks-needs][hidden]");
    for (var i = 0; i < nodes.length; i++) {
      if (can[nodes[i].getAttribute("data-ks-needs")]) {
        nodes[i].hidden = false;
      }
    }
  }

  function confirm(button) {
    var label = button.getAttribute("data-ks-done");
    if (!label) {
      return;
    }
    if (!button.hasAttribute("data-ks-label")) {
      button.setAttribute("data-ks-label", button.textContent);
    }
    button.textContent = label;
    var box = button.closest(".ks-share");
    var status = box ? box.querySelector(".ks-share-status") : null;
    if (status) {
      status.textContent = label;
    }
    window.setTimeout(function () {
      button.textContent = button.getAttribute("data-ks-label");
      if (status) {
        status.textContent = "";
      }
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest
      ? target.closest("button[data-ks-copy], button[data-ks-copy-from], button[data-ks-share-url]")
      : null;
    if (!button) {
      return;
    }
    if (button.hasAttribute("data-ks-share-url")) {
      if (can.share) {
        navigator.share({
          title: button.getAttribute("data-ks-share-title") || document.title,
          text: button.getAttribute("data-ks-share-text") || "",
          url: button.getAttribute("data-ks-share-url")
        }).catch(function () { /* the reader closed the sheet */ });
      }
      return;
    }
    var text = button.getAttribute("data-ks-copy");
    if (text === null) {
      var source = document.getElementById(button.getAttribute("data-ks-copy-from") || "");
      if (!source) {
        return;
      }
      text = source.textContent;
    }
    if (can.clipboard) {
      navigator.clipboard.writeText(text).then(function () { confirm(button); },
                                               function () { /* permission refused */ });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enable);
  } else {
    enable();
  }
  /* Material's instant navigation swaps pages without running scripts again. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enable);
  }
})();
