/* The visit counter's loader (the `analytics:` setting, docs/analytics.md). Loaded only when a
   library turned counting on. It asks the browser first: with Do Not Track or Global Privacy
   Control on, nothing is loaded and nothing is counted. Otherwise it adds the one counting
   script of the chosen tool, from the tool's address (the only other host the page's
   Content-Security-Policy allows), told to set no cookie. */
(function () {
  "use strict";
  var me = document.currentScript;
  var nav = navigator;
  if (!me || nav.globalPrivacyControl === true || nav.doNotTrack === "1" ||
      nav.doNotTrack === "yes" || window.doNotTrack === "1") {
    return;
  }
  var tool = me.getAttribute("data-provider");
  var address = me.getAttribute("data-address");
  var site = me.getAttribute("data-site");
  var script = document.createElement("script");
  script.async = true;
  if (tool === "goatcounter") {
    script.setAttribute("data-goatcounter", address + "/count");
  } else if (tool === "plausible") {
    script.setAttribute("data-domain", site);
  } else if (tool === "umami") {
    script.setAttribute("data-website-id", site);
    script.setAttribute("data-do-not-track", "true");
  } else if (tool === "matomo") {
    var queue = window._paq = window._paq || [];
    queue.push(["disableCookies"]);
    queue.push(["setDoNotTrack", true]);
    queue.push(["setTrackerUrl", address + "/matomo.php"]);
    queue.push(["setSiteId", site]);
    queue.push(["trackPageView"]);
    queue.push(["enableLinkTracking"]);
  } else {
    return;
  }
  script.src = me.getAttribute("data-script");
  document.head.appendChild(script);
})();
