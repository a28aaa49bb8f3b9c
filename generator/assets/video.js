/* knowledge-site click-to-load video: no request to the video host before play */
(function (d) {
  var OK = /^https:\/\/(www\.youtube-nocookie\.com\/embed|player\.vimeo\.com\/video)\//;
  function upgrade() { // no-JS link -> real button
    d.querySelectorAll("a.ks-player-button").forEach(function (a) {
      var b = d.createElement("button"), h = a.querySelector(".ks-player-host");
      b.type = "button";
      b.className = a.className;
      b.setAttribute("aria-label", a.getAttribute("data-ks-label"));
      if (h) h.remove();
      while (a.firstChild) b.appendChild(a.firstChild);
      a.replaceWith(b);
    });
  }
  d.addEventListener("click", function (e) {
    var p = e.target.closest(".ks-player-button"), box, src, t, f;
    p = p && p.closest(".ks-player");
    box = p && p.querySelector(".ks-player-box");
    src = p && p.getAttribute("data-ks-embed");
    t = p && p.querySelector("template.ks-player-template"); // a video file: <video> inside
    if (!box || !(t || OK.test(src))) return;
    e.preventDefault();
    f = t ? t.content.firstElementChild.cloneNode(true) : Object.assign(
      d.createElement("iframe"), {
        src: src, title: p.getAttribute("data-ks-title"), loading: "eager",
        allow: "autoplay; encrypted-media; picture-in-picture; fullscreen",
        referrerPolicy: "strict-origin-when-cross-origin"
      });
    if (t) t.remove();
    box.textContent = "";
    box.appendChild(f);
    p.classList.add("ks-player--on");
    f.focus();
  });
  if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", upgrade); else upgrade();
  if (window.document$) document$.subscribe(upgrade); // Material's instant pages
})(document);
