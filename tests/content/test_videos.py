"""Every video URL form the contract and the video issue name, accepted or refused."""

from __future__ import annotations

import pytest

from generator.content.models import VideoSource
from generator.content.videos import VideoProblem, parse_duration, parse_video_url

ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "provider", "video_id", "start"),
    [
        (f"https://www.youtube.com/watch?v={ID}", "youtube", ID, 0),
        (f"https://youtube.com/watch?v={ID}&t=90", "youtube", ID, 90),
        (f"https://m.youtube.com/watch?v={ID}&t=1m30s", "youtube", ID, 90),
        (f"https://www.youtube.com/watch?feature=share&v={ID}#t=15", "youtube", ID, 15),
        (f"https://youtu.be/{ID}", "youtube", ID, 0),
        (f"https://youtu.be/{ID}?t=42", "youtube", ID, 42),
        (f"https://youtu.be/{ID}?si=abc&t=1h2m3s", "youtube", ID, 3723),
        (f"https://www.youtube.com/shorts/{ID}", "youtube", ID, 0),
        (f"https://www.youtube.com/embed/{ID}?start=12", "youtube", ID, 12),
        (f"https://www.youtube-nocookie.com/embed/{ID}", "youtube", ID, 0),
        (f"https://www.youtube.com/live/{ID}?t=5", "youtube", ID, 5),
        ("https://vimeo.com/76979871", "vimeo", "76979871", 0),
        ("https://vimeo.com/76979871#t=30s", "vimeo", "76979871", 30),
        ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871", 0),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871", 0),
        ("videos/tur.mp4", "file", "videos/tur.mp4", 0),
        ("../media/tur.webm", "file", "../media/tur.webm", 0),
    ],
)
def test_supported(url: str, provider: str, video_id: str, start: int) -> None:
    source = parse_video_url(url)
    assert isinstance(source, VideoSource), source
    assert (source.provider, source.video_id, source.start) == (provider, video_id, start)


def test_unlisted_vimeo_keeps_its_hash() -> None:
    source = parse_video_url("https://vimeo.com/76979871/abcdef1234")
    assert isinstance(source, VideoSource) and source.vimeo_hash == "abcdef1234"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        (f"https://youtube.com.evil.example/watch?v={ID}", "video.unsupported"),
        (f"https://evil-youtube.com/watch?v={ID}", "video.unsupported"),
        (f"https://youtu.be.evil.example/{ID}", "video.unsupported"),
        ("https://vimeo.com.evil.example/76979871", "video.unsupported"),
        ("https://www.dailymotion.com/video/x7tgad0", "video.unsupported"),
        ("javascript:alert(1)", "video.scheme"),
        ("JavaScript:alert(1)", "video.scheme"),
        ("data:text/html,<script>alert(1)</script>", "video.scheme"),
        ("ftp://example.org/a.mp4", "video.scheme"),
        ("https://www.youtube.com/watch?v=short", "video.youtube_id"),
        ("https://www.youtube.com/channel/UCabc", "video.youtube_form"),
        (f"https://www.youtube.com/watch?v={ID}&t=soon", "video.start"),
        ("https://vimeo.com/about", "video.vimeo_id"),
        ("http://cdn.example.org/tur.mp4", "video.remote_http"),
        ("tur.avi", "video.unsupported"),
    ],
)
def test_refused(url: str, code: str) -> None:
    result = parse_video_url(url)
    assert result == VideoProblem(code)


@pytest.mark.parametrize(("text", "seconds"), [("4:35", 275), ("12:05", 725),
                                               ("1:02:30", 3750), ("0:09", 9)])
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["90", "1:75", "abc", "1:2:3:4"])
def test_bad_durations(text: str) -> None:
    assert parse_duration(text) is None
