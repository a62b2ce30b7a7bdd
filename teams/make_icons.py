"""Draw the Teams app icons: ``color.png`` (192x192) and ``outline.png`` (32x32, white on transparent).

Run once after changing the design (``python teams/make_icons.py``); the PNGs are committed, so
packaging needs nothing but the standard library. Two speech bubbles: a supervision conversation.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
TEAL = (46, 125, 122, 255)
WHITE = (255, 255, 255, 255)
SCALE = 4
"""Drawn at four times the size and scaled down, for smooth edges."""


Ink = int | tuple[int, int, int, int]


def _bubbles(draw: ImageDraw.ImageDraw, size: int, fill: Ink, inset: float, edge: Ink | None = None) -> None:
    """Two overlapping speech bubbles with tails; ``edge`` outlines the front one so both read."""
    s = size
    pad = s * inset
    back = (pad + s * 0.30, pad, s - pad, s * 0.56)
    front = (pad, s * 0.34, s - pad - s * 0.28, s - pad - s * 0.10)
    radius = s * 0.12
    draw.rounded_rectangle(back, radius=radius, fill=fill)
    draw.polygon([(s * 0.78, s * 0.55), (s * 0.88, s * 0.66), (s * 0.70, s * 0.55)], fill=fill)
    draw.rounded_rectangle(front, radius=radius, fill=fill, outline=edge, width=int(s * 0.03) if edge else 0)
    tail_y = front[3] - 1
    draw.polygon([(s * 0.20, tail_y), (s * 0.14, s - pad), (s * 0.34, tail_y)], fill=fill)


def color_icon(size: int = 192) -> Image.Image:
    """The full-colour icon: white bubbles on a teal tile (Teams adds no background)."""
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.18, fill=TEAL)
    _bubbles(draw, big, WHITE, inset=0.18, edge=TEAL)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def outline_icon(size: int = 32) -> Image.Image:
    """The outline icon: white only, on a transparent background (Teams' rule for this icon)."""
    big = size * SCALE
    mask = Image.new("L", (big, big), 0)
    _bubbles(ImageDraw.Draw(mask), big, 255, inset=0.06, edge=0)
    alpha = mask.resize((size, size), Image.Resampling.LANCZOS)
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    image.putalpha(alpha)
    return image


def main() -> None:
    """Write both PNGs next to the manifest."""
    color_icon().save(HERE / "color.png", optimize=True)
    outline_icon().save(HERE / "outline.png", optimize=True)


if __name__ == "__main__":
    main()
