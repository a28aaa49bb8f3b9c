"""The reach report's pictures: horizontal bars a librarian reads at a glance on a phone,
drawn with matplotlib as SVG (text kept as text, so it is sharp, small and in the phone's own
font; no clock time or random id in the file: the same numbers, the same bytes).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

BAR = "#00796b"  # the site's teal (knowledge-site.css), dark enough for white text beside it
BEST = "#e65100"
TEXT = "#212121"
WIDTH_IN = 4.0  # 400 px wide: at a phone's 360 px the text is still about 11 px
ROW_IN = 0.3


def bar_chart(labels: Sequence[str], values: Sequence[int], *, highlight: Sequence[int] = (),
              limit: int = 12) -> bytes:
    """Horizontal bars, largest first as given, at most ``limit``; each bar's value written
    at its end. ``highlight``: indexes drawn in the accent colour."""
    plt = _pyplot()
    labels, values = list(labels)[:limit], list(values)[:limit]
    height = max(1.2, 0.5 + ROW_IN * len(labels))
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
    positions = list(range(len(labels)))[::-1]
    colours = [BEST if n in highlight else BAR for n in range(len(labels))]
    ax.barh(positions, values, color=colours, height=0.7)
    ax.set_yticks(positions, [_short(label) for label in labels])
    top = max(values, default=0) or 1
    for y, value in zip(positions, values, strict=True):
        ax.text(value + top * 0.01, y, f"{value:,}".replace(",", "."), va="center",
                fontsize=11, color=TEXT)
    ax.set_xlim(0, top * 1.15)
    _plain(ax)
    ax.set_xticks([])
    return _svg(fig)


def hour_chart(hours: Sequence[int], best: Sequence[int] = (), hour_word: str = "") -> bytes:
    """Visits per hour of the day (0-23), the best slots' hours in the accent colour."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.0))
    colours = [BEST if h in best else BAR for h in range(24)]
    ax.bar(range(24), hours, color=colours, width=0.8)
    ax.set_xticks(range(0, 24, 3), [f"{h:02d}" for h in range(0, 24, 3)])
    if hour_word:
        ax.set_xlabel(hour_word, color=TEXT)
    _plain(ax)
    ax.set_yticks([])
    return _svg(fig)


def _pyplot() -> ModuleType:
    """matplotlib, set up for files without clock time and with text as text; imported only
    when a report is drawn (a second or so at start)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    matplotlib.rcParams.update({
        "svg.fonttype": "none",
        "svg.hashsalt": "knowledge-site",
        "font.size": 12,
        "font.family": ["sans-serif"],
        "text.color": TEXT,
        "axes.labelcolor": TEXT,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
    })
    return pyplot


def _plain(ax: Axes) -> None:
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)


def _svg(fig: Figure) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None},
                transparent=True)
    plt.close(fig)
    return buffer.getvalue()


def _short(label: str, width: int = 24) -> str:
    return label if len(label) <= width else label[:width - 1].rstrip() + "…"
