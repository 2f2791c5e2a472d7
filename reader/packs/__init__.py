"""Content packs as signed, versioned files: the `.hrpack` format, minisign signatures, the trust
configuration, and the pack library with its atomic install and rollback. No Qt here.

See docs/content-packs.md.
"""
