"""Reading what the analytics tools counted (issue 20): exports.read_export."""
