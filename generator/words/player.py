"""Every word the video player and the transcript add to a page, in Indonesian and English.

Kept apart from pages.py so the player can be read (and translated) on one screen; the same
rule holds: every key has both languages (tests/test_words.py checks it), and a page in
a language we have no words for gets English.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # The button shows "Putar video"; its accessible name adds the title (both start alike,
    # so the visible words are part of the name, WCAG 2.5.3).
    "player.play": {"id": "Putar video", "en": "Play video"},
    "player.play.titled": {"id": "Putar video: {title}", "en": "Play video: {title}"},
    # A video found as a bare URL in a body has no title we could know without the network.
    "player.play.untitled": {"id": "Putar video dari {host}", "en": "Play video from {host}"},
    "player.frame.untitled": {"id": "Video dari {host}", "en": "Video from {host}"},
    # Shown inside the button when JavaScript is off: then the link opens the host's page.
    "player.watch": {"id": "Tonton di {host}", "en": "Watch on {host}"},
    "player.duration": {"id": "Durasi video", "en": "Video length"},
    "player.note": {
        "id": "Pemutar {host} baru dimuat setelah Anda menekan tombol putar.",
        "en": "The {host} player loads only after you press play.",
    },
    # Inside <video>, for browsers that cannot play the file.
    "player.note.file": {
        "id": "Video dari {host} baru dimuat setelah Anda menekan tombol putar.",
        "en": "The video from {host} loads only after you press play.",
    },
    "player.file.fallback": {
        "id": "Peramban Anda tidak dapat memutar video ini.",
        "en": "Your browser cannot play this video.",
    },
    "player.file.download": {"id": "Unduh videonya", "en": "Download the video"},
    "player.captions": {"id": "Teks ({language})", "en": "Captions ({language})"},
    "player.transcript": {"id": "Transkrip", "en": "Transcript"},
}
