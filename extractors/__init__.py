"""Extractors: one module per form type, the extractor contract and the registry.

See :mod:`extractors.contract` for what an extractor is and
``docs/extractors.md`` for how to add one.
"""

from extractors.contract import Extraction, Extractor, FieldValue
from extractors.document import Document, UnreadableFile, open_document
from extractors.registry import Registry, default_registry

__all__ = [
    "Document",
    "Extraction",
    "Extractor",
    "FieldValue",
    "Registry",
    "UnreadableFile",
    "default_registry",
    "open_document",
]
