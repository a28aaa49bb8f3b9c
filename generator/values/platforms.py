"""The social platforms, one entry each: what the settings accept (the library's accounts), the
share buttons on item pages, the share kit's posts and the link-in-bio page all read this table.
A new platform is one entry here plus its words (``platform.<id>``, and ``share.<id>`` when it
has a share button) in words/social.py.

Orders are explicit: the table's order is the share kit's (the platforms a library posts to
most come first); ``button`` orders the share buttons (WhatsApp first: how most patrons in
Indonesia pass a link on); ``account`` orders the settings' keys and the profile links.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Platform:
    id: str  # the settings key and the share kit's platform column
    # The library's account (``social:`` setting): its position in the list, and its profile
    # address from a handle ("{}" stands for the handle; None: only a full address works).
    account: int | None = None
    profile: str | None = None
    # The share button: its position, and the share address ({url}, {title}, {body} quoted).
    button: int | None = None
    share: str | None = None
    new_tab: bool = True
    # The share kit's post: the parts, each a format string with {title} {summary} {link}
    # {hashtags} {library} and the words {read_more} {link_in_bio} {video_page}; empty parts
    # are left out. None: no post for this platform.
    post: tuple[str, ...] | None = None
    hashtags: int = 0  # how many hashtags a post carries
    video_only: bool = False  # posts only for items with a video
    limit: int | None = None  # the post's length limit, counted as the platform counts
    no_angle_brackets: bool = False  # the platform refuses < and > in a post


PLATFORMS: tuple[Platform, ...] = (
    Platform("x", account=3, profile="https://x.com/{}", button=3,
             share="https://x.com/intent/post?text={title}&url={url}",
             post=("{title}\n\n{summary}",), hashtags=2, limit=280),
    Platform("facebook", account=2, profile="https://www.facebook.com/{}", button=2,
             share="https://www.facebook.com/sharer/sharer.php?u={url}",
             post=("{title}\n\n{summary}", "{read_more} {link}", "{hashtags}"), hashtags=3),
    Platform("instagram", account=1, profile="https://www.instagram.com/{}/",
             post=("{title}\n\n{summary}", "{link_in_bio}", "{hashtags}"), hashtags=10),
    Platform("whatsapp", account=6, button=1, share="https://wa.me/?text={title}%20{url}",
             post=("*{title}*\n{summary}", "{link}")),
    Platform("telegram", button=4, share="https://t.me/share/url?url={url}&text={title}",
             post=("{title}\n\n{summary}", "{link}")),
    Platform("youtube", account=4, profile="https://www.youtube.com/@{}",
             post=("{summary}", "{video_page} {link}", "{library}", "{hashtags}"), hashtags=3,
             video_only=True, no_angle_brackets=True),
    Platform("tiktok", account=5, profile="https://www.tiktok.com/@{}",
             post=("{title}\n\n{summary}", "{link_in_bio}", "{hashtags}"), hashtags=5,
             video_only=True),
    Platform("email", button=5, share="mailto:?subject={title}&body={body}", new_tab=False),
)
BY_ID = {p.id: p for p in PLATFORMS}
ACCOUNTS = tuple(sorted((p for p in PLATFORMS if p.account), key=lambda p: p.account or 0))
BUTTONS = tuple(sorted((p for p in PLATFORMS if p.share), key=lambda p: p.button or 0))
POSTED = tuple(p for p in PLATFORMS if p.post is not None)


def share_address(platform: Platform, url: str, title: str, body: str) -> str:
    """The platform's share address for ``url``, every value quoted."""
    assert platform.share is not None
    return platform.share.format(url=quote(url, safe=""), title=quote(title, safe=""),
                                 body=quote(body, safe=""))
