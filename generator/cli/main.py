"""The ``knowledge-site`` command: one sub-command per verb, each in its own module."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path

from ..content.diagnostics import has_errors, strictened
from ..content.kinds.table import KINDS
from ..content.settings import ENGINES
from ..importing.post import FORMATS
from .output import held_back, message_language, report, says, summary_line

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knowledge-site",
        description="Turn librarians' tutorials, book reviews and video pages into a website "
                    "with feeds.",
    )
    parser.add_argument("-C", "--root", type=Path, default=Path("."),
                        help="the site repository (holds mkdocs.yml); default: this folder")
    parser.add_argument("--lang", choices=("id", "en"),
                        help="language of messages (default: the site's language)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check every content file and the settings")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")

    new = sub.add_parser("new", help="start a new tutorial, review or video page")
    new.add_argument("kind", choices=tuple(kind.value for kind in KINDS))
    new.add_argument("title", help='the title, in quotes: "Cara Mencari Jurnal"')

    build = sub.add_parser("build", help="build the website (default into site/)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("--drafts", action="store_true", help="include drafts, marked as such")
    build.add_argument("--future", action="store_true",
                       help="include items scheduled for later, marked as such")
    build.add_argument("-d", "--site-dir", type=Path, help="where to write the site")
    build.add_argument("--engine", choices=ENGINES,
                       help="the engine that makes the HTML (default: the `engine` setting)")

    serve = sub.add_parser("serve", help="preview on this computer with live reload")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    serve.add_argument("--engine", choices=ENGINES,
                       help="the engine that makes the HTML (default: the `engine` setting)")

    # Replaced by the engines (docs/engines.md): kept to say so.
    export = sub.add_parser("export", help="replaced by --engine (docs/engines.md)")
    export.add_argument("directory", type=Path, nargs="?")

    report = sub.add_parser("report", help="what needs a librarian's attention: reviews due, "
                                           "missing transcripts and covers, external links; "
                                           "`report reach EXPORT`: the reach of what was "
                                           "shared, from a visit counter's export")
    report.add_argument("what", nargs="?", choices=("reach",),
                        help="reach: read a GoatCounter, Plausible, Umami or Matomo export")
    report.add_argument("export", nargs="?", type=Path, help="the export file (CSV, JSON, zip)")
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument("--tool", choices=("goatcounter", "plausible", "umami", "matomo"),
                        help="the tool that wrote the export (default: recognised from it)")
    report.add_argument("-o", "--out", type=Path,
                        help="where the reach report is written (default: reach/)")
    report.add_argument("--since", type=_day, help="first day counted (YYYY-MM-DD)")
    report.add_argument("--until", type=_day, help="last day counted (YYYY-MM-DD)")

    ping = sub.add_parser("ping-hub", help="tell the WebSub hub (websub_hub) which feeds "
                                           "changed since the previous site")
    ping.add_argument("-d", "--site-dir", type=Path, default=Path("site"),
                      help="the new site (default: site/)")
    ping.add_argument("--previous", type=Path, default=None,
                      help="the site it replaces, or its feeds-manifest.json")
    schema = sub.add_parser("schema", help="write JSON Schemas of the front matter, for editors")
    schema.add_argument("directory", type=Path)

    sub.add_parser("fix", help="rewrite links and file names that point at a file renamed "
                               "or moved since (what check warns about)")
    localize = sub.add_parser("localize-images",
                              help="copy pictures from other hosts into site_src/images/ and "
                                   "point the texts at the copies")
    imp = sub.add_parser("import", help="bring posts in from WordPress, Blogger, an RSS/Atom "
                                        "feed, Jekyll or Hugo (docs/importing.md)")
    imp.add_argument("source", help="an export file, a feed's file or address, or a Jekyll "
                                    "or Hugo site's folder")
    imp.add_argument("--from", dest="fmt", choices=FORMATS,
                     help="the source's format (default: recognised from the source)")
    imp.add_argument("--kind", choices=tuple(kind.value for kind in KINDS),
                     help="make every post this type (default: decided per post)")
    imp.add_argument("--map", type=Path, dest="mapping",
                     help="a YAML mapping file: categories or posts -> types, authors, topics")
    imp.add_argument("--redirects", type=Path, default=Path("import-redirects"),
                     help="folder for the old host's redirect lists (default: "
                          "import-redirects/)")
    imp.add_argument("--old-url", help="the old site's address, when the source does not "
                                       "say it (feeds, folders) or the blog moved since")
    imp.add_argument("--no-pictures", action="store_true",
                     help="do not download pictures (they stay linked on the old site)")
    for p in (check, new, build, serve, export, report, schema, localize, ping, imp,
              sub.choices["fix"]):
        p.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS,
                       help="language of messages (default: the site's language)")
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(says("reach.bad_date", message_language(None, None),
                                              value=text)) from None


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `knowledge-site report | head`: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _main(argv: list[str] | None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    args = _parser().parse_args(argv)
    lang: str | None = getattr(args, "lang", None)
    root: Path = args.root
    try:
        from ..values.clock import build_time

        now = build_time()
    except ValueError:
        print("SOURCE_DATE_EPOCH must be a whole number of seconds", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        return _check(root, now, args)
    if args.command == "new":
        from .new import new_item

        return new_item(root, args.kind, args.title, now, lang)
    if args.command == "build":
        from .build import build_site

        return build_site(root, now, site_dir=args.site_dir, strict=args.strict,
                          drafts=args.drafts, future=args.future, lang=lang,
                          engine=args.engine)
    if args.command == "serve":
        from .serve import serve_site

        return serve_site(root, args.dev_addr, lang, args.engine)
    if args.command == "export":
        print(says("export.replaced", message_language(lang, None)), file=sys.stderr)
        return EXIT_USAGE
    if args.command == "report" and args.what == "reach":
        from .reach import reach_report

        return reach_report(root, now, args.export, tool=args.tool, out=args.out,
                            since=args.since, until=args.until, lang=lang)
    if args.command == "report":
        return _report(root, now, lang, args.format)
    if args.command == "fix":
        from .fix import fix_site

        return fix_site(root, now, lang)
    if args.command == "localize-images":
        from .localize import localize_images

        return localize_images(root, now, lang)
    if args.command == "import":
        from .importing import import_posts

        return import_posts(root, now, lang, args.source, args.fmt, args.kind, args.mapping,
                            root / args.redirects if not args.redirects.is_absolute()
                            else args.redirects, args.old_url, not args.no_pictures)
    if args.command == "schema":
        return _schema(root, args.directory, now)
    if args.command == "ping-hub":
        from .ping_hub import ping_hub

        return ping_hub(root / args.site_dir, args.previous, message_language(lang, None))
    return EXIT_USAGE  # pragma: no cover - argparse requires a command


def _check(root: Path, now: datetime, args: argparse.Namespace) -> int:
    from ..library.check import run

    result = run(root, now)
    site_lang = result.library.settings.language if result.library else None
    lang = message_language(getattr(args, 'lang', None), site_lang)
    diagnostics = strictened(result.diagnostics, args.strict)
    report(diagnostics, lang, args.format, stream=sys.stdout)
    if args.format == "text":
        print(summary_line(diagnostics, lang), file=sys.stderr)
        for line in held_back(result.library, lang) if result.library else ():
            print(line, file=sys.stderr)
    return EXIT_CONTENT if has_errors(diagnostics) else EXIT_OK


def _report(root: Path, now: datetime, lang: str | None, fmt: str) -> int:
    from ..library.check import run
    from ..library.report import build_report, format_report, report_json

    result = run(root, now)
    site_lang = result.library.settings.language if result.library else None
    msg_lang = message_language(lang, site_lang)
    if result.library is None or result.library.history is None:
        report(result.diagnostics, msg_lang)
        return EXIT_CONTENT
    found = build_report(result.library, result.library.history)
    print(report_json(found) if fmt == "json" else format_report(found, msg_lang))
    return EXIT_OK


def _schema(root: Path, directory: Path, now: datetime) -> int:
    """Schemas that also know this site's author and topic ids, when the site can be read."""
    from ..content.schema import write_schemas
    from ..library.check import run

    result = run(root, now)
    lib = result.library
    for path in write_schemas(directory, authors=sorted(lib.authors) if lib else None,
                              topics=sorted(lib.topics) if lib else None,
                              base_url=lib.settings.site_url if lib else None):
        print(path)
    return EXIT_OK
