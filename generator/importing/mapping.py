"""The mapping file (``--map FILE``, YAML) a library writes to steer an import:

```yaml
kinds:            # a category or tag (as the old blog names it) -> tutorial | review | video
  Resensi Buku: review
posts:            # one post (its old address, or its key in the ledger) -> a type
  https://perpus.example.org/2019/05/tur.html: video
authors:          # an author (login or name in the export) -> an id in authors.yml
  admin: siti-rahma
topics:           # a category -> an id in topics.yml
  Tips & Trik: literasi-informasi
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.models import Kind
from .post import SourceError, Trouble


@dataclass(frozen=True)
class Mapping:
    kinds: dict[str, Kind] = field(default_factory=dict)  # lower-cased label -> kind
    posts: dict[str, Kind] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)

    def kind_for(self, key: str, url: str | None, labels: tuple[str, ...]) -> Kind | None:
        for k in (key, url or ""):
            if k in self.posts:
                return self.posts[k]
        for label in labels:
            if label.lower() in self.kinds:
                return self.kinds[label.lower()]
        return None


def load_mapping(path: Path | None) -> Mapping:
    if path is None:
        return Mapping()
    shown = path.as_posix()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except OSError as exc:
        raise SourceError(Trouble.of("import.unreadable", source=shown,
                                     why=exc.strerror or exc)) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SourceError(Trouble.of("import.mapping_bad", path=shown,
                                     why=str(exc).splitlines()[0])) from None
    if not isinstance(data, dict):
        raise SourceError(Trouble.of("import.mapping_bad", path=shown, why="not a mapping"))
    out: dict[str, dict[str, str]] = {}
    for section in ("kinds", "posts", "authors", "topics"):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            raise SourceError(Trouble.of("import.mapping_bad", path=shown,
                                         why=f"{section}: not a mapping"))
        out[section] = {str(k).strip(): str(v).strip() for k, v in value.items()}
    for section in ("kinds", "posts"):
        for k, v in out[section].items():
            if v not in {kind.value for kind in Kind}:
                raise SourceError(Trouble.of("import.mapping_bad", path=shown,
                                             why=f"{section}: {k}: {v}"))
    return Mapping({k.lower(): Kind(v) for k, v in out["kinds"].items()},
                   {k: Kind(v) for k, v in out["posts"].items()}, out["authors"],
                   out["topics"])
