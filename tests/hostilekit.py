"""The hostile strings every free-text field is fed (tests/hostile, tests/gates)."""

from __future__ import annotations

# The hostile material, in pieces, so each field can carry as much as its limit allows.
BREAK_TITLE = "</title><script>alert('t')</script>"
BREAK_ATTR = "\"onerror=alert('a') x='"
CDATA_END = "]]>"
AMPERSANDS = "& &amp; &lt;b&gt; &#x3C;i>"
CONTROLS = "a\x01b\x1bc\x7fd\x85e"  # C0, ESC, DEL, C1 (NEL)
RLO = "\u202etxt.exe\u202c"
EMOJI = "📚👩🏽‍🏫"
COMBINING = "e\u0301\u0338 Z\u0334\u031b\u0354"
TEMPLATE = "{{ 7*7 }}{% raw %}"
MARKDOWN = "*em* _u_ [l](javascript:x) `c` #h"
PIECES = (BREAK_TITLE, BREAK_ATTR, CDATA_END, CONTROLS, AMPERSANDS, RLO, EMOJI, COMBINING,
          TEMPLATE, MARKDOWN)
