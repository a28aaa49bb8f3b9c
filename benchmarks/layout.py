"""The layout gate's checks on any built site: horizontal scrolling, squeezed text, tap targets,
share buttons, the ask-a-librarian control, at 320, 390, 768 and 1280 px.

    python benchmarks/layout.py SITE_DIR [--shots DIR] [--name NAME] [--widths 320,390]
    python benchmarks/layout.py --items 5000 [--work DIR] [--code DIR] [--shots DIR]

SITE_DIR is a built site (the folder holding ``index.html``). With ``--items N`` the synthetic
library is generated and built first, exactly as ``benchmarks/weight.py --items`` does (its
``build_corpus``).

One page of each kind (home, type listings, a topic, a tag, a librarian, the indexes, the
archive, an item of each type, the search page showing the results for "perpustakaan",
/share/, /subscribe/, /links/, an ordinary page, 404: ``tests/gates/layout.py`` ``layout_pages``)
is opened in Debian's Chromium (``/usr/bin/chromium`` or ``KS_GATES_CHROMIUM``) from a
127.0.0.1 server, and measured at each width by the same code as the layout gate
(``tests/gates/layout.py``: what each check counts and exempts is documented there).
Full-page screenshots (cut at 8,000 px) at 390 and 1280 px go to ``--shots``, else
``KS_SCREENSHOTS``, else a new temporary folder, named ``<name>-<kind>-<width>.png``.

Prints a table of problems per page and check, then every problem (page, width, element,
numbers). Exit status 0 when there are none, 1 on any layout defect, 2 when a page could not be
measured (not 200, or the search showed no results).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]  # benchmarks/, and the gates' helpers

from gates.checks import Problem  # noqa: E402  (tests/gates/)
from gates.layout import CHECKS, WIDTHS, PageLayout, check_page, layout_pages  # noqa: E402
from weight import add_site_arguments, chromium, site_of  # noqa: E402  (benchmarks/weight.py)


def run(site: Path, shots: Path, name: str, widths: tuple[int, ...]) -> list[PageLayout]:
    from gates.browser import CHROMIUM_ARGS, SiteServer
    from playwright.sync_api import sync_playwright

    results = []
    with SiteServer(site) as served, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            for kind, path in layout_pages(site).items():
                print(f"  {kind:18} {path}", file=sys.stderr, flush=True)
                results.append(check_page(browser, served, kind, path, engine=name,
                                          shots=shots, widths=widths))
        finally:
            browser.close()
    return results


def summary(results: list[PageLayout]) -> str:
    shown = [c for c in CHECKS if c != "load"]
    lines = ["| kind | page | " + " | ".join(shown) + " |",
             "|---|---|" + "---:|" * len(shown)]
    for r in results:
        counts = [len([p for p in r.problems if p.check == c]) for c in shown]
        failed = " (not measured)" if any(p.check == "load" for p in r.problems) else ""
        lines.append(f"| {r.kind} | `{r.path}`{failed} | "
                     + " | ".join(str(n) if n else "-" for n in counts) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add_site_arguments(parser)
    parser.add_argument("--shots", type=Path, help="where the screenshots go (default: "
                        "KS_SCREENSHOTS, else a new temporary folder)")
    parser.add_argument("--name", default="site", help="first part of the screenshots' names")
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)),
                        help="window widths in px, comma-separated")
    args = parser.parse_args(argv)
    site = site_of(parser, args, "ks-layout-")
    widths = tuple(int(w) for w in args.widths.split(","))
    shots = args.shots or Path(os.environ.get("KS_SCREENSHOTS")
                               or tempfile.mkdtemp(prefix="ks-layout-shots-"))
    shots.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    results = run(site, shots.resolve(), args.name, widths)
    problems: list[Problem] = sorted(p for r in results for p in r.problems)
    print(f"Layout of {site}, {len(results)} pages at {', '.join(map(str, widths))} px "
          f"({time.monotonic() - t0:.0f} s):\n")
    print(summary(results))
    print()
    for p in problems:
        print(f"  {p}")
    print(f"\n{len(problems)} problem(s). Screenshots: {shots.resolve()}")
    if any(p.check == "load" for p in problems):
        return 2
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
