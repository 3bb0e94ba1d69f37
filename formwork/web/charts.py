"""Charts drawn on the server as SVG: readable with JavaScript off, printable, no chart library.

Each chart carries a ``<title>`` and ``<desc>`` for screen readers, and the
pages put the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

#: Colour-blind-safe colours (Okabe-Ito), in series order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 < value:
        step *= 10
    for m in (1, 2, 2.5, 5, 10):
        if step * m >= value:
            return step * m
    return step * 10


def stacked_bars(title: str, categories: Sequence[str], series: dict[str, Sequence[float]],
                 width: int = 640, height: int = 240, colours: dict[str, str] | None = None) -> Markup:
    """Vertical bars, one per category, each stacked from ``series`` (name -> a value per category).

    ``colours`` fixes a series' colour, so that one outcome has one colour on every chart.
    """
    colour = {name: (colours or {}).get(name, PALETTE[j % len(PALETTE)]) for j, name in enumerate(series)}
    left, right, top, bottom = 44, 10, 10, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(vals[i] for vals in series.values()) for i in range(len(categories))]
    ymax = max(4.0, _nice_max(max(totals, default=0)))  # counts: whole-number ticks
    n = max(len(categories), 1)
    slot = plot_w / n
    bar = max(2.0, min(48.0, slot * 0.7))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 22 * ((len(series) + 2) // 3)}"'
             f' role="img" class="chart">',
             f"<title>{escape(title)}</title>",
             f"<desc>{escape(_describe(categories, series))}</desc>"]
    for i in range(5):
        v = ymax * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{_num(v)}</text>')
    label_every = max(1, -(-len(categories) // 8))
    for i, cat in enumerate(categories):
        x = left + slot * i + (slot - bar) / 2
        y = top + plot_h
        for name, vals in series.items():
            h = plot_h * vals[i] / ymax
            if h <= 0:
                continue
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{colour[name]}"><title>{escape(cat)}: {escape(name)} '
                         f'{_num(vals[i])}</title></rect>')
        if i % label_every == 0:
            cx = left + slot * i + slot / 2
            parts.append(f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" class="axis">'
                         f"{escape(cat)}</text>")
    parts.extend(_legend(colour, top + plot_h + 36, left))
    parts.append("</svg>")
    return Markup("".join(parts))


def horizontal_bars(title: str, items: Sequence[tuple[str, float]], width: int = 640, unit: str = "") -> Markup:
    """One labelled bar per item, largest first as given."""
    row, label_w, right = 26, 300, 60
    height = max(1, len(items)) * row + 10
    vmax = max((v for _, v in items), default=0) or 1
    plot_w = width - label_w - right
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="chart">',
             f"<title>{escape(title)}</title>",
             f"<desc>{escape('; '.join(f'{k}: {_num(v)}{unit}' for k, v in items) or 'nothing yet')}</desc>"]
    for i, (name, value) in enumerate(items):
        y = 5 + i * row
        w = plot_w * value / vmax
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" class="label">{escape(name)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{max(w, 1):.1f}" height="{row - 8}" '
                     f'fill="{PALETTE[0]}"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 17}" class="value">{_num(value)}{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend(colour: dict[str, str], y: float, left: float) -> list[str]:
    out = []
    for i, (name, fill) in enumerate(colour.items()):
        x = left + (i % 3) * 195
        yy = y + (i // 3) * 22
        out.append(f'<rect x="{x}" y="{yy - 10}" width="12" height="12" fill="{fill}"/>'
                   f'<text x="{x + 18}" y="{yy}" class="label">{escape(name)}</text>')
    return out


def _describe(categories: Sequence[str], series: dict[str, Sequence[float]]) -> str:
    if not categories:
        return "No data yet."
    return "; ".join(f"{cat}: " + ", ".join(f"{name} {_num(vals[i])}" for name, vals in series.items())
                     for i, cat in enumerate(categories))


def _num(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"
