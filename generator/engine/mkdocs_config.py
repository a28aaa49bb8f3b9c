"""The plugin's settings as mkdocs declares them. The core reads and checks them
(content/settings.py, with their lines); mkdocs only needs the names, so it does not warn
about them (tests/engine/test_versions.py keeps the two lists in step)."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c


class _Anything(base.BaseConfigOption[Any]):
    def run_validation(self, value: object) -> object:
        return value


class PluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    analytics = _Anything()
    ask_librarian = _Anything()
    catalog_url = _Anything()
    default_license = _Anything()
    engine = _Anything()
    feed_content_limit = _Anything()
    feed_size = _Anything()
    image_hosts = _Anything()
    language = _Anything()
    media_hosts = _Anything()
    library_name = _Anything()
    posting_slots = _Anything()
    share_kit_days_back = _Anything()
    slots_from_report = _Anything()
    slots_min_visits = _Anything()
    social = _Anything()
    timezone = _Anything()
    websub_hub = _Anything()
