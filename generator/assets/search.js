/* knowledge-site search: Pagefind's small index, loaded only when a patron searches. */
(function () {
  var form = document.querySelector("form[data-ks-search]");
  if (!form) return;
  var out = document.querySelector(".ks-search-results");
  var count = out.querySelector(".ks-search-count");
  var input = form.querySelector("input[name=q]");
  var PAGE = 20;
  var engine = null;
  var only = {}; /* parts: not their page of all words (site/search_index.py) */
  var list = null, more = null;
  var current = 0; /* the newest search: an older one finishing late shows nothing */
  function load() {
    if (!engine) {
      var loader = new URL(form.getAttribute("data-ks-search"), document.baseURI);
      /* A big index is in parts (parts.json), merged into the first. */
      var parts = fetch(new URL("parts.json", loader).href).then(function (r) {
        return r.ok ? r.json() : [];
      }).catch(function () { return []; });
      engine = import(loader.href).then(function (pagefind) {
        return parts.then(function (names) {
          if (names.length) only = {filters: {not: {ks: "words"}}};
          return Promise.all(names.map(function (name) {
            return pagefind.mergeIndex(new URL(name, loader).href);
          }));
        }).then(function () { return pagefind; });
      });
    }
    return engine;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  /* "2025-03-11" (data-pagefind-meta) in the page's language. */
  function day(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || "");
    if (!m) return null;
    var t = el("time", "", iso);
    t.setAttribute("datetime", iso);
    try {
      t.textContent = new Date(Date.UTC(+m[1], m[2] - 1, +m[3])).toLocaleDateString(
        out.getAttribute("data-lang") || undefined,
        {year: "numeric", month: "long", day: "numeric", timeZone: "UTC"});
    } catch (e) { /* the ISO date stays */ }
    return t;
  }
  function result(r) {
    var meta = r.meta || {};
    var li = el("li", "ks-result");
    var a = el("a", "ks-result-title", meta.title || r.url);
    /* Pagefind's address of the page; nothing but a web address is linked. */
    if (/^https?:$/.test(new URL(r.url, document.baseURI).protocol)) a.setAttribute("href", r.url);
    li.appendChild(a);
    var kind = meta.kind && out.getAttribute("data-kind-" + meta.kind);
    var date = day(meta.date);
    if (kind || date) {
      var line = el("p", "ks-result-meta");
      if (kind) line.appendChild(el("span", "ks-result-kind", kind));
      if (kind && date) line.appendChild(document.createTextNode(" · "));
      if (date) line.appendChild(date);
      li.appendChild(line);
    }
    if (r.excerpt) {
      var excerpt = el("p", "ks-result-excerpt");
      excerpt.innerHTML = r.excerpt; /* Pagefind escapes page text; only <mark> is markup */
      li.appendChild(excerpt);
    }
    return li;
  }
  /* Shows results [from, from + PAGE), then the button for the rest. */
  function page(search, from, mine) {
    var slice = search.results.slice(from, from + PAGE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== current) return;
      var first = null;
      data.forEach(function (d) {
        var li = result(d);
        first = first || li.firstChild;
        list.appendChild(li);
      });
      var shown = from + slice.length;
      if (more) { out.removeChild(more); more = null; }
      if (shown < search.results.length) {
        more = el("button", "md-button ks-more", out.getAttribute("data-more"));
        more.type = "button";
        more.addEventListener("click", function () {
          more.disabled = true;
          page(search, shown, mine);
        });
        out.appendChild(more);
      }
      if (from && first) first.focus();
    });
  }
  function clear() {
    if (list) out.removeChild(list);
    if (more) out.removeChild(more);
    list = more = null;
    count.textContent = "";
  }
  function run(words) {
    var mine = ++current;
    if (!words.trim()) { clear(); return; }
    load().then(function (pagefind) {
      return pagefind.search(words, only).then(function (search) {
        if (mine !== current) return;
        clear();
        var total = search.results.length;
        count.textContent = total ? out.getAttribute("data-count").replace("{n}", total)
                                  : out.getAttribute("data-none");
        if (!total) return;
        list = el("ol", "ks-results");
        out.appendChild(list);
        return page(search, 0, mine);
      });
    });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var words = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(words));
    run(words);
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
