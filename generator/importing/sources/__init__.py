"""One reader per source format; each turns its bytes or folder into ``ImportedPost`` values."""
