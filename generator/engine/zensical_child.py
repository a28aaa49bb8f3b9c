"""The process a Zensical build runs in: ``python -m generator.engine.zensical_child CONFIG
[--strict]``.

A child process, because Zensical's compiled core writes straight to the terminal (nothing to
capture in-process), ends the whole process with status 0 on Ctrl+C, and can raise a
``BaseException`` (a Rust panic). Exit 0 with the ``BUILD-OK`` line: built; anything else:
not built (one ``zensical: error:`` line says why).
"""

from __future__ import annotations

import sys

OK = "BUILD-OK"


def main(argv: list[str]) -> int:
    config = argv[0]
    options = {"clean": False, "strict": "--strict" in argv}  # Zensical needs both keys
    try:
        import zensical

        zensical.build(config, options)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # ConfigurationError, RuntimeError, OSError, a Rust panic
        message = (getattr(exc, "message", None) or str(exc)).strip()
        first = message.splitlines()[0] if message else type(exc).__name__
        print(f"zensical: error: {first}", file=sys.stderr, flush=True)
        return 1
    print(f"{OK} zensical-{zensical.version()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
