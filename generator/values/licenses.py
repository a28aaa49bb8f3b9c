"""SPDX licence ids, from the list the ``packaging`` library keeps up to date."""

from __future__ import annotations

from packaging.licenses._spdx import LICENSES

# Lower-cased id -> canonical id (CC-BY-4.0); deprecated ids are refused.
_CANONICAL = {k: v["id"] for k, v in LICENSES.items() if not v["deprecated"]}

# Where the licence text lives; Creative Commons ids get their deed, others SPDX's page.
_CC_PREFIXES = ("CC-BY", "CC0")


def check_license(value: str) -> tuple[str, str] | None:
    """None when ``value`` is an SPDX id exactly; else a message code and a suggestion."""
    canonical = _CANONICAL.get(value.lower())
    if canonical == value:
        return None
    if canonical:
        return "value.license_case", canonical
    return "value.license", ""


def license_url(spdx_id: str) -> str:
    if spdx_id.startswith(_CC_PREFIXES):
        if spdx_id == "CC0-1.0":
            return "https://creativecommons.org/publicdomain/zero/1.0/"
        parts = spdx_id.split("-")  # CC-BY-SA-4.0 -> by-sa / 4.0
        version = parts[-1]
        kind = "-".join(parts[1:-1]).lower()
        return f"https://creativecommons.org/licenses/{kind}/{version}/"
    return f"https://spdx.org/licenses/{spdx_id}.html"
