"""Every word the video player and the transcript add to a page, in Indonesian and English.

Kept apart from strings.py so the player can be read (and translated) on one screen; the same
rule holds: every key has both languages (tests/test_video_player.py checks it), and a page in
a language we have no words for gets English.
"""

from __future__ import annotations

from collections.abc import Callable

VIDEO_STRINGS: dict[str, dict[str, str]] = {
    # The button shows "Putar video"; its accessible name adds the title (both start alike,
    # so the visible words are part of the name, WCAG 2.5.3).
    "play": {"id": "Putar video", "en": "Play video"},
    "play.titled": {"id": "Putar video: {title}", "en": "Play video: {title}"},
    # A video found as a bare URL in a body has no title we could know without the network.
    "play.untitled": {"id": "Putar video dari {host}", "en": "Play video from {host}"},
    "frame.untitled": {"id": "Video dari {host}", "en": "Video from {host}"},
    # Shown inside the button when JavaScript is off: then the link opens the host's page.
    "watch": {"id": "Tonton di {host}", "en": "Watch on {host}"},
    "duration": {"id": "Durasi video", "en": "Video length"},
    "note": {
        "id": "Pemutar {host} baru dimuat setelah Anda menekan tombol putar.",
        "en": "The {host} player loads only after you press play.",
    },
    # Inside <video>, for browsers that cannot play the file.
    "file.fallback": {
        "id": "Peramban Anda tidak dapat memutar video ini.",
        "en": "Your browser cannot play this video.",
    },
    "file.download": {"id": "Unduh videonya", "en": "Download the video"},
    "captions": {"id": "Teks ({language})", "en": "Captions ({language})"},
    "transcript": {"id": "Transkrip", "en": "Transcript"},
}


def video_translator(lang: str) -> Callable[..., str]:
    """``vt("play.titled", title=...)`` in the page's language; English for other languages."""
    key_lang = lang.split("-")[0].lower()
    if key_lang not in ("id", "en"):
        key_lang = "en"

    def vt(key: str, **params: object) -> str:
        return VIDEO_STRINGS[key][key_lang].format(**params)

    return vt
