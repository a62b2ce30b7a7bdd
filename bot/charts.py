"""The digest's alliance-trend chart: a PNG drawn with matplotlib's Agg backend (no display).

Only aggregates reach the chart: weeks with fewer than k answers have no point at all.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

from commands.digest import TrendPoint

WIDTH_INCHES, HEIGHT_INCHES, DPI = 8.0, 4.0, 100
"""800 x 400 pixels: readable in a Slack DM preview."""
_LOCK = threading.Lock()
"""pyplot keeps global state; digests for several groups may render at once."""


def render_trend_png(points: Sequence[TrendPoint], *, title: str) -> bytes:
    """Bond, goals and tasks averages per week as a line chart, returned as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = [p.period[-3:] for p in points]
    with _LOCK:
        figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
        axes = figure.add_subplot(1, 1, 1)
        for name, values in (
            ("bond", [p.bond for p in points]),
            ("goals", [p.goals for p in points]),
            ("tasks", [p.tasks for p in points]),
        ):
            xs = [i for i, v in enumerate(values) if v is not None]
            ys = [v for v in values if v is not None]
            axes.plot(xs, ys, marker="o", label=name)
        axes.set_xticks(range(len(labels)))
        axes.set_xticklabels(labels)
        axes.set_ylim(1, 5)
        axes.set_ylabel("average (1-5)")
        axes.set_title(title[:80])
        axes.grid(True, alpha=0.3)
        axes.legend(loc="lower left")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
