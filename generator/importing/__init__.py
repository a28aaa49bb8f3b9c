"""``knowledge-site import``: a library's existing posts (WordPress, Blogger, feeds, Jekyll,
Hugo) read into one model, turned into items, written with a ledger (docs/importing.md)."""
