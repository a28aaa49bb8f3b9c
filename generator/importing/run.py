"""``knowledge-site import`` on one screen: read the source, decide each post's type and file,
copy its pictures, write it by the ledger's rules, add the authors and topics it needs, keep
its old address (an alias, or the redirect lists), and say what could not come along."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..content import registry
from ..content.models import KIND_BY_FOLDER, Kind
from ..content.settings import Settings
from ..content.validate import RESERVED_SLUGS
from ..values.slugs import is_slug, slugify
from ..words.cli import SAYINGS
from ..words.translate import pick
from .addresses import alias_for, write_lists
from .body import Body, read_body, render_body
from .download import SUFFIXES, FetchFailed, fetch_picture
from .item_text import SUMMARY_SOFT, TITLE_MAX, Fields, clean_line, item_text, shorten
from .kinds import Decision, decide
from .ledger import Ledger, Outcome, write_tracked
from .mapping import load_mapping
from .post import ImportedPost, Source, SourceError, Trouble
from .reading import read_source
from .registries import append

NO_CATEGORY = frozenset({"uncategorized", "uncategorised", "tak berkategori", "tanpa kategori",
                         "lain-lain"})
PICTURES = "images/imported"


@dataclass(frozen=True)
class Options:
    source: str
    fmt: str | None = None
    kind: Kind | None = None
    mapping: Path | None = None
    report_dir: Path = Path("import-redirects")
    old_url: str | None = None
    pictures: bool = True


@dataclass(frozen=True)
class Result:
    format: str
    posts: int
    outcomes: dict[str, int]
    skipped: int
    notes: tuple[Trouble, ...]
    aliases: int
    redirects: int
    redirect_files: tuple[Path, ...]
    authors_added: tuple[str, ...]
    topics_added: tuple[str, ...]
    pictures: dict[str, int] = field(default_factory=dict)


@dataclass
class _Plan:
    post: ImportedPost
    body: Body
    decision: Decision
    rel: str = ""  # the file, relative to the root
    old: tuple[str, ...] = ()  # its old absolute addresses
    keys: dict[str, str] = field(default_factory=dict)  # picture as written -> where it is


def import_source(root: Path, settings: Settings, now: datetime, options: Options,
                  fetch: Callable[[str, str], tuple[str, bytes]] = fetch_picture) -> Result:
    docs = root / settings.docs_dir
    mapping = load_mapping(options.mapping)
    source = read_source(options.source, options.fmt)
    if not source.posts:
        raise SourceError(Trouble.of("import.no_posts", source=options.source))
    authors_reg = registry.load_authors(docs, root, frozenset())
    topics_reg = registry.load_topics(docs, root)
    for name, reg in (("authors.yml", authors_reg), ("topics.yml", topics_reg)):
        if reg.ids is None and (docs / name).exists():
            raise SourceError(Trouble.of("import.registry_broken", path=name))
    ledger = Ledger.load(root)
    base = options.old_url or source.base_url
    lang = settings.language
    notes: list[Trouble] = list(source.notes)
    plans = []
    for post in sorted(source.posts, key=lambda p: (p.date is None, _naive(p.date), p.key)):
        body = read_body(post, source.format)
        labels = (*post.categories, *post.tags)
        decision = decide(post.title, body.text, labels, body.videos, options.kind,
                          mapping.kind_for(post.key, post.url, labels))
        plans.append(_Plan(post, body, decision, old=_old_addresses(post, base)))
    _assign_paths(plans, ledger, docs, root)

    # Pictures: a copy per address, fetched once (the ledger remembers copies made).
    wanted: dict[str, tuple[_Plan, str]] = {}
    for plan in plans:
        for address in plan.body.pictures:
            found = _resolve(address, plan.post, base)
            if found:
                plan.keys[address] = found
                wanted.setdefault(found, (plan, address))
    copies, failed = _pictures(docs, ledger, wanted, options.pictures, fetch, source)
    for url, (plan, why) in failed.items():
        notes.append(Trouble.of("import.post.picture_failed", where=plan.post.where, url=url,
                                why=why))

    # Authors and topics, ids from the mapping, the registry, or made from the name.
    new_authors: dict[str, tuple[str, str]] = {}
    new_topics: dict[str, tuple[str, str]] = {}
    known_authors = set(authors_reg.ids or ())
    known_topics = set(topics_reg.ids or ())
    moved = {_norm(o): p.rel for p in plans for o in p.old}
    counts: Counter[str] = Counter()
    pairs: list[tuple[str, str]] = []
    alias_count = 0
    claimed: set[str] = set()
    for plan in plans:
        post = plan.post
        author_ids = []
        for person in post.authors or ():
            ident = (mapping.authors.get(person.login) or mapping.authors.get(person.name)
                     or slugify(person.name or person.login))
            if ident not in known_authors and ident not in new_authors:
                new_authors[ident] = (person.name or person.login,
                                      pick(SAYINGS["import.word.author_role"], lang))
            author_ids.append(ident)
        if not author_ids:
            ident = pick(SAYINGS["import.word.team_id"], lang)
            if ident not in known_authors and ident not in new_authors:
                new_authors[ident] = (pick(SAYINGS["import.word.team_name"], lang),
                                      pick(SAYINGS["import.word.author_role"], lang))
            author_ids.append(ident)
        topic_ids = []
        for cat in post.categories:
            if cat.lower() in NO_CATEGORY and cat not in mapping.topics:
                continue
            ident = mapping.topics.get(cat) or slugify(cat)
            if ident not in known_topics and ident not in new_topics:
                new_topics[ident] = (shorten(clean_line(cat), 100), pick(
                    SAYINGS["import.word.topic_description"], lang).format(name=clean_line(cat)))
            topic_ids.append(ident)
        if not topic_ids:
            ident = pick(SAYINGS["import.word.archive_id"], lang)
            if ident not in known_topics and ident not in new_topics:
                new_topics[ident] = (pick(SAYINGS["import.word.archive_name"], lang),
                                     pick(SAYINGS["import.word.archive_description"], lang))
            topic_ids.append(ident)
        state = _write(root, docs, settings, now, ledger, plan, copies, moved,
                       tuple(dict.fromkeys(author_ids)), tuple(dict.fromkeys(topic_ids)),
                       claimed, pairs, notes)
        counts[state] += 1
        alias_count += len([a for a in plan.old if alias_for(a, settings.site_url)])
    added_authors, added_topics = append(docs, new_authors, new_topics)
    ledger.save()
    files = write_lists(root / options.report_dir, pairs)
    return Result(source.format, len(plans), dict(counts), source.skipped, tuple(notes),
                  alias_count, len(pairs), tuple(files), tuple(added_authors),
                  tuple(added_topics), {"copied": len(copies), "failed": len(failed)})


def _naive(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.min
    return moment.replace(tzinfo=None) - (moment.utcoffset() or timedelta())


def _old_addresses(post: ImportedPost, base: str | None) -> tuple[str, ...]:
    out = [post.url] if post.url and post.url.startswith(("http://", "https://")) else []
    for path in post.old_paths:
        if path.startswith(("http://", "https://")):
            out.append(path)
        elif base:
            out.append(urljoin(base if base.endswith("/") else base + "/", path.lstrip("/")))
    return tuple(dict.fromkeys(out))


def _norm(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def _assign_paths(plans: list[_Plan], ledger: Ledger, docs: Path, root: Path) -> None:
    taken = ledger.taken_paths()
    for plan in plans:
        known = ledger.posts.get(plan.post.key)
        if known:
            plan.rel = known["path"]
            continue
        folder = plan.decision.kind.folder
        wanted = slugify(unquote(plan.post.slug)) if plan.post.slug else ""
        if not is_slug(wanted) or len(wanted) < 2:
            wanted = slugify(clean_line(plan.post.title) or "post")
        prefix = docs.relative_to(root).as_posix()
        n = 1
        while True:
            slug = wanted if n == 1 else f"{wanted[:75]}-{n}"
            rel = f"{prefix}/{folder}/{slug}.md"
            if slug not in RESERVED_SLUGS and rel not in taken and not (root / rel).exists():
                break
            n += 1
        taken.add(rel)
        plan.rel = rel


def _resolve(address: str, post: ImportedPost, base: str | None) -> str | None:
    """A picture's absolute address, or ``file:`` path for a picture of the old site's own
    folder (Jekyll, Hugo); None for what cannot be fetched."""
    address = address.strip()
    if address.startswith("//"):
        return "https:" + address
    if address.startswith(("http://", "https://")):
        return address
    if address.startswith(("data:", "#", "mailto:")):
        return None
    if post.markdown:
        return "file:" + post.where + "|" + address
    page = post.url or base
    return urljoin(page, address) if page else None


def _pictures(docs: Path, ledger: Ledger, wanted: dict[str, tuple[_Plan, str]], fetching: bool,
              fetch: Callable[[str, str], tuple[str, bytes]], source: Source
              ) -> tuple[dict[str, str], dict[str, tuple[_Plan, str]]]:
    """(address -> docs-relative copy, address -> (plan, why not)); ``--no-pictures`` copies
    only what was copied before and the old site's own files."""
    copies: dict[str, str] = {}
    failed: dict[str, tuple[_Plan, str]] = {}
    todo = []
    for key, (plan, _) in wanted.items():
        if key in ledger.pictures and (docs / ledger.pictures[key]).is_file():
            copies[key] = ledger.pictures[key]
        elif key.startswith("file:"):
            found = _copy_local(docs, key, source)
            if found:
                copies[key] = found
            else:
                failed[key.split("|", 1)[1]] = (plan, "file not found")
        elif fetching:
            todo.append(key)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda url: _try(fetch, url), todo))
    for url, got in zip(todo, results, strict=True):
        if isinstance(got, str):
            failed[url] = (wanted[url][0], got)
            continue
        rel, data = got
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_bytes(data)
        copies[url] = rel
    ledger.pictures.update({k: v for k, v in copies.items() if not k.startswith("file:")})
    return copies, failed


def _try(fetch: Callable[[str, str], tuple[str, bytes]], url: str) -> tuple[str, bytes] | str:
    try:
        return fetch(url, PICTURES)
    except FetchFailed as exc:
        return str(exc) or "?"


def _copy_local(docs: Path, key: str, source: Source) -> str | None:
    """A picture a Jekyll or Hugo page shows from the site's own folder (next to the page, at
    the site's root, or in Hugo's ``static/``)."""
    where, address = key[5:].split("|", 1)
    path = unquote(urlsplit(address).path)
    if not path.lower().endswith(SUFFIXES):
        return None
    if source.folder is None:
        return None
    site = Path(source.folder)
    for candidate in ((site / where).parent, site, site / "static"):
        full = (candidate / path.lstrip("/")) if path.startswith("/") else candidate / path
        if full.is_file() and full.resolve().is_relative_to(site.resolve()):
            # Named after where it lies in the old site: two bundles' "cover.jpg" stay two.
            where_in_site = full.resolve().relative_to(site.resolve()).as_posix()
            rel = f"{PICTURES}/local/" + re.sub(r"[^A-Za-z0-9._/-]", "-", where_in_site)
            target = docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = full.read_bytes()
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
            return rel
    return None


def _write(root: Path, docs: Path, settings: Settings, now: datetime, ledger: Ledger,
           plan: _Plan, copies: dict[str, str], moved: dict[str, str],
           authors: tuple[str, ...], topics: tuple[str, ...], claimed: set[str],
           pairs: list[tuple[str, str]], notes: list[Trouble]) -> str:
    post, decision = plan.post, plan.decision
    folder = plan.rel.split("/")[-2]
    kind = KIND_BY_FOLDER.get(folder, decision.kind)
    if kind is not decision.kind:
        notes.append(Trouble.of("import.post.kind_kept", where=post.where, path=plan.rel))
        return "edited"
    here = plan.rel[len(settings.docs_dir) + 1:]
    depth = here.count("/")
    pictures = {}
    for address in plan.body.pictures:
        key = plan.keys.get(address, address)
        if key in copies:
            pictures[address] = "../" * depth + copies[key]
        elif not address.startswith(("http://", "https://")) and key.startswith("http"):
            pictures[address] = key  # a relative address of the old site, made absolute
    text = render_body(plan.body, pictures, figures="md_in_html" in settings.markdown_extensions,
                       drop_video=plan.body.videos[0] if kind is Kind.VIDEO else None)
    text = _rewrite_links(text, moved, depth, settings.docs_dir)
    title = clean_line(post.title)
    if not title:
        title = shorten(plan.body.first_paragraph, 60) or post.where
        notes.append(Trouble.of("import.post.untitled", where=post.where, title=title))
    if len(title) > TITLE_MAX:
        title = shorten(title, TITLE_MAX)
    summary = shorten(clean_line(post.excerpt) or clean_line(plan.body.first_paragraph)
                      or title, SUMMARY_SOFT)
    date = post.date
    if date is None:
        date = now
        notes.append(Trouble.of("import.post.no_date", where=post.where, title=title))
    if date.tzinfo is None:
        date = date.replace(tzinfo=settings.tz)
    updated = post.updated
    if updated is not None and updated.tzinfo is None:
        updated = updated.replace(tzinfo=settings.tz)
    if updated is not None and updated - date < timedelta(minutes=1):
        updated = None
    new_url = settings.site_url + f"{kind.folder}/{Path(plan.rel).stem}/"
    aliases = []
    for old in plan.old:
        alias = alias_for(old, settings.site_url)
        if alias and _page_at(docs, alias):
            alias = None  # a page of this site lives there: the old host must redirect
        if alias and alias not in claimed and alias != f"{kind.folder}/{Path(plan.rel).stem}/":
            claimed.add(alias)
            aliases.append(alias)
        elif not alias and not post.draft:
            pairs.append((old, new_url))
    lang = post.lang if post.lang and post.lang.split("-")[0] != settings.language else None
    fields = Fields(kind, title, summary, date, updated, authors, topics,
                    tuple(dict.fromkeys(t for t in (clean_line(t)[:100] for t in post.tags) if t)),
                    post.draft, tuple(aliases), lang, decision.book,
                    plan.body.videos[0] if kind is Kind.VIDEO else None)
    outcome: Outcome = write_tracked(root, ledger, post.key, plan.rel,
                                     item_text(fields, text, settings.tz))
    _notes(post, plan, outcome, notes)
    return outcome.state


def _page_at(docs: Path, alias: str) -> bool:
    """Whether a file of the site (a page, an item) already answers at ``alias``."""
    stem = alias.rstrip("/")
    if stem.endswith(".html"):
        stem = stem.removesuffix(".html")
    first = stem.split("/", 1)[0]
    return (first in {k.folder for k in Kind} and stem.count("/") == 1) or any(
        (docs / p).exists() for p in (f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"))


def _notes(post: ImportedPost, plan: _Plan, outcome: Outcome, notes: list[Trouble]) -> None:
    if outcome.state in ("edited", "gone"):
        notes.append(Trouble.of(f"import.post.{outcome.state}", path=outcome.path,
                                where=post.where))
    other = ", ".join(f"{n} {what}" for what, n in plan.body.lost)
    if other or post.comments or post.custom_fields:
        notes.append(Trouble.of("import.post.lost", path=outcome.path, where=post.where,
                                comments=post.comments, fields=", ".join(post.custom_fields),
                                other=other))
    if plan.decision.review_incomplete:
        notes.append(Trouble.of("import.post.review_incomplete", path=outcome.path,
                                where=post.where))
    if plan.body.missing_alt:
        notes.append(Trouble.of("import.post.no_alt", path=outcome.path,
                                count=plan.body.missing_alt))


def _rewrite_links(text: str, moved: dict[str, str], depth: int, docs_dir: str) -> str:
    """Links to another imported post's old address point at its file now (the site turns
    them into its address and ``check`` follows them)."""
    if not moved:
        return text

    def swap(m: re.Match[str]) -> str:
        target = moved.get(_norm(m.group(2)))
        if target is None:
            return m.group(0)
        return f"]({'../' * depth}{target[len(docs_dir) + 1:]})"

    return re.sub(r"\]\((<?)(https?://[^)\s>]+)(>?)\)", swap, text)
