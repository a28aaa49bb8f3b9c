"""Layout checks in a real browser: every page kind at phone, tablet and desktop widths.

At each width in WIDTHS the page (one load, the window resized) is measured for:

- ``scroll``: no horizontal scrolling. The document must not be wider than the window, and no
  element, nor the text of one (a long address that cannot wrap runs out of its box), may reach
  past the window's right edge. Content inside a scroll container (``pre``,
  Material's ``.md-typeset__scrollwrap`` and table wrappers: any box whose ``overflow-x`` scrolls)
  is not counted, nor what an ``overflow: hidden``/``clip`` box cuts off, nor a
  ``position: fixed`` panel lying wholly outside the window (Material's closed navigation drawer,
  ``.md-sidebar--primary``, waits at ``left: -12.1rem``; its nested panels slide in from the
  right inside the drawer's own ``overflow: hidden`` scroll wrapper). The overflow settings of
  ``html`` and ``body`` do not count: Material's ``html { overflow-x: hidden }`` would hide a
  too-wide element, not fix it. Only the outermost element that reaches too far is named.
- ``narrow-text``: no text block narrower than MIN_TEXT_WIDTH. A text block is the box that lays
  out a run of text: the nearest ancestor of the text that is not ``display: inline`` (a block,
  a list item, a table cell, an inline-block, a flex or grid item: inline children of a flex
  container are blockified). Inline elements (links, ``mark``, ``em``) belong to the block they
  sit in. A block fails when its own text runs over two lines or more while its content box is
  narrower than MIN_TEXT_WIDTH: a title squeezed into a 50 px column, split mid-word. One-line
  text (an icon's label, a badge, a count) never fails, however narrow. Invisible text
  (``visibility``, ``opacity: 0``, a visually-hidden 1 px box, an off-canvas drawer) is skipped.
- ``tap-target``: every pointer target (links, buttons, form controls, labels of a control,
  ``summary``, ARIA buttons, links and tabs) is at least 24 x 24 px, WCAG 2.2 SC 2.5.8 Target
  Size (Minimum), with its exceptions: *spacing* (a 24 px circle centred on the undersized
  target's bounding box intersects no other target and no other undersized target's circle),
  *inline* (an inline link in a block that also holds non-target words, two letters or more:
  a link in a sentence; a count such as "(3)" beside a link makes no sentence),
  *user agent control* (a native checkbox, radio or range input not restyled). The
  *equivalent* and *essential* exceptions cannot be told by measuring and are not applied.
  Hidden, inert and ``pointer-events: none`` elements are no targets; a target inside another
  target is part of it.
- ``share-rows``: at SHARE_WIDTH the share buttons (the ``.ks-share-list`` items) take at most
  SHARE_MAX_ROWS rows. Required on item pages; checked wherever a visible list shows.
- ``ask-librarian``: an "ask a librarian" control, an element matching ``[data-ks-ask]``, is on
  the page and rendered (not ``display: none``/hidden) at every width.

The window is a desktop browser's resized to each width (no mobile emulation): with
``is_mobile`` Chromium may zoom out to fit a too-wide page, which would hide the very overflow
measured here. ``window.innerWidth`` is then exactly the width.

Full-page screenshots (at most SCREENSHOT_MAX_HEIGHT px tall) are written at SCREENSHOT_WIDTHS,
named ``<engine>-<kind>-<width>.png``.

Used by tests/gates/test_layout.py and benchmarks/layout.py.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checks import (
    Problem,
    classify,
    html_files,
    page_url,
    representative_pages,
    url_to_file,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from .browser import Served

WIDTHS = (320, 390, 768, 1280)
SCREENSHOT_WIDTHS = (390, 1280)
SCREENSHOT_MAX_HEIGHT = 8000  # px: a full-page shot of a 50,000 px listing would take ages
HEIGHT = 800  # the window's height at every width
MIN_TEXT_WIDTH = 120  # px, content box of a block whose text wraps
MIN_TARGET = 24  # px, WCAG 2.2 SC 2.5.8
SHARE_WIDTH = 390
SHARE_MAX_ROWS = 2
SEARCH_WORD = "perpustakaan"  # in most items of the example and the synthetic library
MAX_PER_CHECK = 12  # problems named per page, width and check; the rest are counted
CHECKS = ("load", "scroll", "narrow-text", "tap-target", "share-rows", "ask-librarian")

# Page kinds, in the order they are reported. Item kinds must show the share buttons.
KINDS = (
    "home", "tutorials-listing", "reviews-listing", "videos-listing", "topic", "tag", "author",
    "topics-index", "tags-index", "authors-index", "archive", "tutorial", "review", "video",
    "search", "share", "subscribe", "links", "page", "404",
)  # fmt: skip
ITEM_KINDS = ("tutorial", "review", "video")
# Pages the generator writes, so not "an ordinary page" a librarian wrote.
GENERATED = {"share": "/share/", "links": "/links/"}
PREFERRED_PAGE = "/tanya-pustakawan/"  # the example library's ask-a-librarian page
# The gates' hostile fixture (tests/gates/hostile.py) names its pages so that they sort first:
# written to attack the build, not to be laid out; the layout gate opens real pages.
_HOSTILE = re.compile(r"/0-[^/]*/|^/halaman-hostile/$|^/judul-entitas/$")
_PAGINATED = re.compile(r"/page/\d+/$")


def _redirects(site_dir: Path, url: str) -> bool:
    """A page that only sends the reader on (a short link, a moved item's old address)."""
    file = url_to_file(site_dir, url)
    head = file.read_text(encoding="utf-8", errors="replace")[:2000] if file else ""
    return 'http-equiv="refresh"' in head.lower()


def layout_pages(site_dir: Path) -> dict[str, str]:
    """Page kind -> URL path of the page the layout checks open, for the kinds the site has.

    One page per kind, the alphabetically first that is not a hostile fixture page (so runs
    repeat); the search page with a query that finds results; "page" is /tanya-pustakawan/
    when the library has it, else its first ordinary page."""
    urls = sorted(page_url(site_dir, f) for f in html_files(site_dir))
    chosen: dict[str, str] = {}
    for url in urls:
        kind = classify(url)
        if kind in chosen or _HOSTILE.search(url) or url in GENERATED.values():
            continue
        if kind == "page" and (_PAGINATED.search(url) or _redirects(site_dir, url)):
            continue  # a listing's later page, a short link: not a page a librarian wrote
        chosen[kind] = url
    for kind, url in GENERATED.items():
        if url in urls:
            chosen[kind] = url
    if PREFERRED_PAGE in urls:
        chosen["page"] = PREFERRED_PAGE
    for kind, url in representative_pages(site_dir).items():
        chosen.setdefault(kind, url)  # a kind only the hostile fixture has
    if "search" in chosen:
        chosen["search"] = f"{chosen['search']}?q={SEARCH_WORD}"
    return {kind: chosen[kind] for kind in KINDS if kind in chosen}


def screenshot_dir(default: Path) -> Path:
    """KS_SCREENSHOTS if set, else `default`; created."""
    folder = Path(os.environ.get("KS_SCREENSHOTS") or default)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class PageLayout:
    """What the layout checks found on one page, at every width."""

    kind: str
    path: str
    problems: list[Problem] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)

    def of(self, *checks: str) -> list[Problem]:
        """The problems of these checks, and any that kept the page from being measured."""
        return [p for p in self.problems if p.check in (*checks, "load")]


# -- in the page ------------------------------------------------------------------------------

# One pass over the page as laid out at the current width. Returns plain numbers and
# descriptions; Python words the problems. Elements are named by a short CSS path and text.
_MEASURE = r"""
([minText, minTarget, shareCheck]) => {
  const W = window.innerWidth, TOL = 0.5;
  const styles = new Map();
  const cs = (el) => {
    if (!styles.has(el)) styles.set(el, getComputedStyle(el));
    return styles.get(el);
  };
  const r1 = (n) => Math.round(n * 10) / 10;
  const short = (s, n = 60) => {
    s = (s || '').replace(/\s+/g, ' ').trim();
    return s.length > n ? s.slice(0, n - 1) + '…' : s;
  };
  const step = (el) => {
    if (el.id && !/^\d/.test(el.id) && el.id.length < 40) return `${el.localName}#${el.id}`;
    const classes = [...el.classList].slice(0, 2);
    let s = el.localName + classes.map((c) => '.' + c).join('');
    const kin = el.parentElement ? [...el.parentElement.children] : [el];
    const sameTag = kin.filter((c) => c.localName === el.localName);
    const alike = sameTag.filter((c) => classes.every((k) => c.classList.contains(k)));
    if (alike.length > 1) s += `:nth-of-type(${sameTag.indexOf(el) + 1})`;
    return s;
  };
  const cssPath = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 5; e = e.parentElement) {
      parts.unshift(step(e));
      if (e.id) break;
    }
    return parts.join(' > ');
  };
  const label = (el) => short(el.innerText || el.textContent || el.getAttribute('aria-label')
                              || el.getAttribute('title') || '');
  const visible = (el) => el.checkVisibility(
    {opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true});
  const rectOf = (el) => el.getBoundingClientRect();

  // The box whose overflow can clip `el` is its containing block's (CSS 2 §10.1): an absolute
  // box escapes static ancestors, a fixed one everything but a transformed (or contained) one.
  const holdsFixed = (s) => s.transform !== 'none' || s.filter !== 'none'
    || s.perspective !== 'none' || /paint|layout|strict|content/.test(s.contain)
    || (s.backdropFilter || 'none') !== 'none' || /transform|filter|perspective/.test(s.willChange)
    || s.containerType !== 'normal';
  const containing = (el) => {
    const pos = cs(el).position;
    let p = el.parentElement;
    if (pos === 'fixed') {
      for (; p; p = p.parentElement) if (holdsFixed(cs(p))) return {box: p, fixed: false};
      return {box: null, fixed: true};  // the window
    }
    if (pos === 'absolute') {
      for (; p; p = p.parentElement) {
        if (cs(p).position !== 'static' || holdsFixed(cs(p))) return {box: p, fixed: false};
      }
      return {box: null, fixed: false};  // the initial containing block
    }
    return {box: p, fixed: false};
  };
  // What the boxes around `el` do to it: the rectangle they let show (null: all of it), whether
  // one of them scrolls sideways, whether it rides in a layer fixed to the window. The overflow
  // of html and body is not counted (Material's `html {overflow-x: hidden}` hides, not fixes).
  const ctx = new Map();
  const around = (el) => {
    if (ctx.has(el)) return ctx.get(el);
    const {box, fixed} = containing(el);
    let c;
    if (!box || box === document.body || box === document.documentElement) {
      c = {clip: null, scroller: false, fixed};
    } else {
      const up = around(box), s = cs(box);
      let clip = up.clip, scroller = up.scroller;
      const ox = s.overflowX, oy = s.overflowY;
      if (ox !== 'visible' || oy !== 'visible') {
        const b = rectOf(box), x = ox !== 'visible', y = oy !== 'visible';
        const cut = {left: x ? b.left : -Infinity, right: x ? b.right : Infinity,
                     top: y ? b.top : -Infinity, bottom: y ? b.bottom : Infinity};
        clip = !clip ? cut : {
          left: Math.max(clip.left, cut.left), right: Math.min(clip.right, cut.right),
          top: Math.max(clip.top, cut.top), bottom: Math.min(clip.bottom, cut.bottom)};
        if (ox === 'auto' || ox === 'scroll') scroller = true;
      }
      c = {clip, scroller, fixed: up.fixed};
    }
    ctx.set(el, c);
    return c;
  };
  const shown = (el, r) => {  // the part of rectangle r (el's) that the boxes around it show
    const c = around(el).clip || {left: -Infinity, right: Infinity, top: -Infinity,
                                  bottom: Infinity};
    return {left: Math.max(r.left, c.left), right: Math.min(r.right, c.right),
            top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom)};
  };
  const onScreen = (el, r) => {  // shows, and not beside the window (an off-canvas drawer)
    const s = shown(el, r);
    return s.right - s.left > 1 && s.bottom - s.top > 1 && s.right > 0 && s.left < W;
  };

  // -- horizontal scrolling --
  const doc = document.scrollingElement || document.documentElement;
  const wide = new Set(), overflow = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') && el.localName !== 'svg') continue;
    const r = rectOf(el);
    if (r.width === 0 && r.height === 0) continue;
    const a = around(el);
    if (a.scroller) continue;  // scrolls inside its own box
    const s = shown(el, r);
    if (s.right - s.left <= 0 || s.bottom - s.top <= 0) continue;  // cut off entirely
    if (a.fixed && (!visible(el) || s.right <= 0 || s.left >= W)) continue;  // off-canvas
    if (s.right <= W + TOL) continue;
    wide.add(el);
    if (wide.has(el.parentElement)) continue;  // its parent is named already
    overflow.push({el: cssPath(el), text: short(el.textContent, 50), left: r1(s.left),
                   right: r1(s.right), width: r1(r.width), fixed: a.fixed,
                   hidden: !visible(el)});
  }

  // -- text blocks --
  const blockOf = (node) => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      const d = cs(e).display;
      if (d !== 'inline' && d !== 'contents' && !d.startsWith('ruby')) return e;
    }
    return document.body;
  };
  const own = new Map();  // block -> its own text nodes
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const SKIP = 'script, style, template, noscript, svg, textarea, select, option';
  while (walker.nextNode()) {
    const n = walker.currentNode, p = n.parentElement;
    if (!/\S/.test(n.data) || !p || p.closest(SKIP)) continue;
    const b = blockOf(n);
    if (!own.has(b)) own.set(b, []);
    own.get(b).push(n);
  }
  const lineCount = (nodes) => {
    const boxes = [];
    for (const n of nodes) {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const q of range.getClientRects()) if (q.width > 0 && q.height > 0) boxes.push(q);
    }
    boxes.sort((x, y) => x.top - y.top);
    let lines = 0, bottom = -Infinity;
    for (const q of boxes) {  // a box whose middle is below the line so far starts a new line
      if ((q.top + q.bottom) / 2 > bottom) { lines++; bottom = q.bottom; }
      else bottom = Math.max(bottom, q.bottom);
    }
    return lines;
  };
  // Text that runs out of its own box and past the window (a long address that cannot wrap)
  // widens the page while every box fits: name the block whose text it is.
  const textRects = (nodes) => nodes.flatMap((n) => {
    const range = document.createRange();
    range.selectNodeContents(n);
    return [...range.getClientRects()].filter((q) => q.width > 0 && q.height > 0);
  });
  for (const [b, nodes] of own) {
    if (wide.has(b) || !visible(b)) continue;
    const a = around(b), s = cs(b);
    if (a.scroller || s.overflowX === 'auto' || s.overflowX === 'scroll') continue;
    const clipRight = Math.min(a.clip ? a.clip.right : Infinity,
                               s.overflowX !== 'visible' ? rectOf(b).right : Infinity);
    const right = Math.max(-Infinity, ...textRects(nodes).map((q) => Math.min(q.right, clipRight)));
    if (right <= W + TOL || (a.fixed && rectOf(b).left >= W)) continue;
    const r = rectOf(b);
    overflow.push({el: cssPath(b), text: short(nodes.map((n) => n.data).join(' '), 50),
                   left: r1(r.left), right: r1(right), width: r1(r.width), fixed: a.fixed,
                   hidden: false, textOnly: true});
  }

  const px = (v) => parseFloat(v) || 0;
  const narrow = [];
  for (const [b, nodes] of own) {
    if (b === document.body || !visible(b)) continue;
    const s = cs(b), r = rectOf(b);
    const inner = r.width - px(s.paddingLeft) - px(s.paddingRight)
      - px(s.borderLeftWidth) - px(s.borderRightWidth);
    if (inner >= minText - TOL) continue;
    if (!onScreen(b, r) || r.width <= 2 || r.height <= 2) continue;  // visually hidden
    const lines = lineCount(nodes);
    if (lines < 2) continue;
    narrow.push({el: cssPath(b), text: short(nodes.map((n) => n.data).join(' ')),
                 width: r1(inner), lines, display: s.display});
  }

  // -- tap targets --
  const TARGET = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + 'label[for], label:has(input, select, textarea), [role=button], [role=link], [role=tab], '
    + '[role=checkbox], [role=radio], [role=switch], [role=menuitem], [role=option]';
  const targets = [];
  for (const el of document.body.querySelectorAll(TARGET)) {
    if (el.parentElement && el.parentElement.closest(TARGET)) continue;  // part of the outer
    if (el.disabled || el.closest('[inert]') || !visible(el)) continue;
    if (cs(el).pointerEvents === 'none') continue;
    if (el.localName === 'label' && !el.control) continue;  // labels nothing
    const rects = [...el.getClientRects()].filter((q) => q.width > 0 && q.height > 0);
    const r = rectOf(el);
    if (!rects.length || !onScreen(el, r)) continue;
    targets.push({el, r, rects, w: r.width, h: r.height,
                  cx: r.left + r.width / 2, cy: r.top + r.height / 2});
  }
  const inSentence = (el) => {  // inline, in a block that has words outside any target
    if (cs(el).display !== 'inline') return false;
    const block = blockOf(el.firstChild || el);
    const w = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) {
      const n = w.currentNode, p = n.parentElement;
      if (!/\p{L}{2}/u.test(n.data) || !p || p.closest(TARGET)) continue;
      if (blockOf(n) === block && visible(p)) return true;
    }
    return false;
  };
  const agentControl = (el) => el.localName === 'input'
    && /^(checkbox|radio|range)$/.test(el.type) && cs(el).appearance !== 'none';
  const small = new Set(targets.filter((t) => t.w < minTarget - 0.05 || t.h < minTarget - 0.05));
  const R = minTarget / 2;
  const gapTo = (x, y, q) => Math.hypot(Math.max(q.left - x, 0, x - q.right),
                                        Math.max(q.top - y, 0, y - q.bottom));
  const tiny = [], exempt = [];
  for (const t of small) {
    const named = {el: cssPath(t.el), text: label(t.el), w: r1(t.w), h: r1(t.h)};
    const why = agentControl(t.el) ? 'user agent control' : inSentence(t.el) ? 'inline' : null;
    if (why) { exempt.push({...named, why}); continue; }
    // Spacing: a circle of diameter minTarget on the target's centre may cross no other
    // target, nor the same circle around another undersized target.
    let worst = null;
    for (const o of targets) {
      if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) continue;
      if (Math.abs(o.cx - t.cx) > o.w / 2 + 2 * R || Math.abs(o.cy - t.cy) > o.h / 2 + 2 * R) {
        continue;  // too far to matter
      }
      const edge = Math.min(...o.rects.map((q) => gapTo(t.cx, t.cy, q)));
      const centres = Math.hypot(o.cx - t.cx, o.cy - t.cy);
      let hit = null;
      if (edge < R - 0.05) hit = {gap: edge - R, how: 'target'};
      else if (small.has(o) && centres < 2 * R - 0.05) hit = {gap: centres - 2 * R, how: 'circle'};
      if (hit && (!worst || hit.gap < worst.gap)) worst = {...hit, o, edge, centres};
    }
    if (!worst) { exempt.push({...named, why: 'spacing'}); continue; }
    tiny.push({...named, other: cssPath(worst.o.el), otherText: label(worst.o.el),
               how: worst.how, edge: r1(worst.edge), centres: r1(worst.centres)});
  }

  // -- share buttons --
  let share = null;
  if (shareCheck) {
    const list = [...document.querySelectorAll('.ks-share-list')]
      .find((l) => visible(l) && rectOf(l).width > 0);
    share = {el: null};
    if (list) {
      const items = [...list.children].filter((li) => visible(li) && rectOf(li).width > 0);
      const boxes = items.map(rectOf).sort((x, y) => x.top - y.top);
      const rows = [];
      for (const q of boxes) {
        const row = rows[rows.length - 1];
        if (row && (q.top + q.bottom) / 2 < row.bottom) {
          row.n++;
          row.bottom = Math.max(row.bottom, q.bottom);
        } else rows.push({n: 1, bottom: q.bottom});
      }
      // The buttons' own widths: an item may be a full-width row around a small button.
      const buttons = items.map((li) => rectOf(li.querySelector(TARGET) || li).width);
      share = {el: cssPath(list), items: items.length, rows: rows.map((x) => x.n),
               width: r1(rectOf(list).width), itemWidth: r1(Math.max(...boxes.map((q) => q.width))),
               widths: buttons.map(r1)};
    }
  }

  // -- ask a librarian --
  const asks = [...document.querySelectorAll('[data-ks-ask]')];
  const rendered = asks.filter((el) => visible(el) && rectOf(el).width > 0
                                       && rectOf(el).height > 0);
  return {W, scrollWidth: doc.scrollWidth, overflow, narrow, tiny, exempt,
          targets: targets.length, share, ask: {count: asks.length, rendered: rendered.length}};
}
"""


def _more(found: list[str], page: str, check: str) -> list[Problem]:
    problems = [Problem(page, check, what) for what in found[:MAX_PER_CHECK]]
    if len(found) > MAX_PER_CHECK:
        problems.append(Problem(page, check, f"... and {len(found) - MAX_PER_CHECK} more"))
    return problems


def problems_at(m: dict[str, Any], where: str, *, share_required: bool,
                ask_required: bool = True) -> list[Problem]:
    """Word what _MEASURE found as Problems on page `where`."""
    found: list[Problem] = []
    over = [
        f"{o['el']} {o['text']!r} reaches x={o['right']} px (left {o['left']}, width "
        f"{o['width']} px{'; its text runs out of the box' if o.get('textOnly') else ''})"
        f"{', a fixed layer cut off at the edge' if o['fixed'] else ''}"
        f"{', hidden but still widening the page' if o['hidden'] else ''}"
        for o in m["overflow"]
    ]
    if m["scrollWidth"] > m["W"]:
        over.insert(0, f"the document is {m['scrollWidth']} px wide in a {m['W']} px window "
                       "(horizontal scrolling)")
    found += _more(over, where, "scroll")
    found += _more([
        f"{n['el']} {n['text']!r}: {n['lines']} lines in a {n['width']} px wide "
        f"{n['display']} box (text blocks need at least {MIN_TEXT_WIDTH} px)"
        for n in m["narrow"]], where, "narrow-text")
    found += _more([
        f"{t['el']} {t['text']!r} is {t['w']}x{t['h']} px (under {MIN_TARGET}x{MIN_TARGET}) "
        + (f"and its {MIN_TARGET} px circle overlaps {t['other']} {t['otherText']!r} "
           f"({t['edge']} px from its centre)" if t["how"] == "target" else
           f"and its {MIN_TARGET} px circle overlaps that of {t['other']} {t['otherText']!r}, "
           f"also undersized (centres {t['centres']} px apart)")
        for t in m["tiny"]], where, "tap-target")
    share = m["share"]
    if share is not None:
        if share["el"] is None:
            if share_required:
                found.append(Problem(where, "share-rows", "no visible .ks-share-list"))
        elif len(share["rows"]) > SHARE_MAX_ROWS:
            found.append(Problem(where, "share-rows", (
                f"{share['el']}: {share['items']} share buttons in {len(share['rows'])} rows "
                f"(items per row {share['rows']}; at most {SHARE_MAX_ROWS} rows): list "
                f"{share['width']} px wide, items up to {share['itemWidth']} px, buttons "
                f"{share['widths']} px wide")))
    ask = m["ask"]
    if ask_required and ask["count"] == 0:
        found.append(Problem(where, "ask-librarian",
                             "no 'ask a librarian' control: nothing matches [data-ks-ask]"))
    elif ask_required and ask["rendered"] == 0:
        found.append(Problem(where, "ask-librarian", (
            f"{ask['count']} element(s) match [data-ks-ask] but none is rendered at this width "
            "(display: none, hidden or zero-sized)")))
    return found


def measure(page: Page, where: str, width: int, *, share_required: bool = False,
            ask_required: bool = True) -> list[Problem]:
    """Resize the window to `width`, let the page settle, and check its layout; the problems
    are on page `where`."""
    from .browser import wait_for_animations

    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.evaluate("() => new Promise((ok) => requestAnimationFrame(() => "
                  "requestAnimationFrame(ok)))")
    wait_for_animations(page)
    m = page.evaluate(_MEASURE, [MIN_TEXT_WIDTH, MIN_TARGET, width == SHARE_WIDTH])
    return problems_at(m, where, share_required=share_required, ask_required=ask_required)


def screenshot(page: Page, path: Path, width: int) -> Path:
    """The whole page at the current width, cut at SCREENSHOT_MAX_HEIGHT."""
    height = page.evaluate("() => (document.scrollingElement || document.documentElement)"
                           ".scrollHeight")
    clip = {"x": 0, "y": 0, "width": width, "height": max(1, min(height, SCREENSHOT_MAX_HEIGHT))}
    page.screenshot(path=str(path), full_page=True, clip=clip, animations="disabled")
    return path


_RESULTS = "document.querySelector('.ks-search-results ol li') !== null"
_EAGER = "() => { for (const i of document.images) i.loading = 'eager'; }"
_IMAGES_DONE = "[...document.images].every((i) => i.complete)"


def check_page(browser: Browser, served: Served, kind: str, path: str, *, engine: str,
               shots: Path | None, widths: tuple[int, ...] = WIDTHS) -> PageLayout:
    """Open `path` once and check its layout at each width (see the module's doc); write
    full-page screenshots at SCREENSHOT_WIDTHS into `shots` (None: none)."""
    from .browser import open_page, wait_until

    result = PageLayout(kind, path)
    found: dict[tuple[str, str], list[int]] = {}  # (check, what) -> the widths it shows at
    with open_page(browser, served, path) as visit:
        if visit.status != 200:
            result.problems.append(Problem(path, "load", f"HTTP status {visit.status}"))
            return result
        if kind == "search" and not wait_until(visit.page, _RESULTS, timeout_s=20):
            result.problems.append(Problem(path, "load", (
                "no search results showed within 20 s (.ks-search-results ol li); "
                "the layout of the results cannot be checked")))
        # Pictures a reader scrolls to are loaded by then: load them all, so that the page is
        # measured (and photographed) as it ends up, not with empty lazy boxes.
        visit.page.evaluate(_EAGER)
        wait_until(visit.page, _IMAGES_DONE, timeout_s=5)
        for width in widths:
            for p in measure(visit.page, path, width, share_required=kind in ITEM_KINDS):
                found.setdefault((p.check, p.what), []).append(width)
            if shots is not None and width in SCREENSHOT_WIDTHS:
                name = f"{engine}-{kind}-{width}.png"
                result.screenshots.append(screenshot(visit.page, shots / name, width))
    # The same finding at several widths is one problem naming them all.
    for (check, what), at in found.items():
        result.problems.append(Problem(f"{path} @ {', '.join(map(str, at))}px", check, what))
    return result
