/* knowledge-site search: Pagefind's small index, loaded only when a patron searches. */
(function () {
  var form = document.querySelector("form[data-ks-search]");
  if (!form) return;
  var out = document.querySelector(".ks-search-results");
  var input = form.querySelector("input[name=q]");
  var engine = null;
  function load() {
    if (!engine) {
      engine = import(new URL(form.getAttribute("data-ks-search"), document.baseURI).href);
    }
    return engine;
  }
  function show(results, total) {
    out.textContent = "";
    var p = document.createElement("p");
    p.textContent = total ? out.getAttribute("data-count").replace("{n}", total)
                          : out.getAttribute("data-none");
    out.appendChild(p);
    if (!total) return;
    var ol = document.createElement("ol");
    ol.className = "ks-cards ks-search-list";
    results.forEach(function (r) {
      var li = document.createElement("li");
      li.className = "ks-card";
      var a = document.createElement("a");
      a.className = "ks-card-link";
      a.href = r.url;
      var title = document.createElement("span");
      title.className = "ks-card-title";
      title.textContent = (r.meta && r.meta.title) || r.url;
      var excerpt = document.createElement("span");
      excerpt.className = "ks-card-summary";
      excerpt.innerHTML = r.excerpt; /* Pagefind escapes page text; only <mark> is markup */
      a.appendChild(title);
      a.appendChild(excerpt);
      li.appendChild(a);
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }
  function run(words) {
    if (!words.trim()) { out.textContent = ""; return; }
    load().then(function (pagefind) {
      return pagefind.search(words).then(function (search) {
        var first = search.results.slice(0, 20);
        return Promise.all(first.map(function (r) { return r.data(); })).then(function (data) {
          show(data, search.results.length);
        });
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
