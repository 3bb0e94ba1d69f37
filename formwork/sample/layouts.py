"""The registry of layouts: name -> renderer of a :class:`~formwork.sample.document.FormDoc`.

Every renderer takes the description, a random source for its visual choices
and an optional user password (for the encrypted samples), and returns PDF
bytes that depend only on those inputs.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from formwork.sample.document import FormDoc
from formwork.sample.render_acro import render_acroform_generic, render_acroform_named
from formwork.sample.render_flat import render_boxed_grid, render_printed_labels
from formwork.sample.render_online import render_online_export

__all__ = ["Renderer", "LAYOUTS", "render"]

Renderer = Callable[[FormDoc, random.Random, str | None], bytes]

LAYOUTS: dict[str, Renderer] = {
    "acroform_named": render_acroform_named,
    "acroform_generic": render_acroform_generic,
    "printed_labels": render_printed_labels,
    "online_export": render_online_export,
    "boxed_grid": render_boxed_grid,
}


def render(layout: str, doc: FormDoc, rng: random.Random, password: str | None = None) -> bytes:
    """Render ``doc`` in ``layout`` (a key of :data:`LAYOUTS`)."""
    return LAYOUTS[layout](doc, rng, password)
