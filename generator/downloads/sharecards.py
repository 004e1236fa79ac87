"""Stage 5b, render downloads: the pictures a link shows when shared (Open Graph).

A link pasted into Zalo or Facebook shows the page's title, summary and a
picture (``og:image``, 1200×630). The pictures are drawn here, at build time,
with Pillow and the bundled Be Vietnam Pro: nothing is fetched. One card per
topic (its title, label, group and length) and one card for the site, used by
every other page: topics are bounded by the framework (tens), while courses
run to thousands, and a course link already previews with its own title and
dates in ``og:title`` / ``og:description``. Each card is cached by content hash
like the outlines, so a rebuild draws only what changed.

Same input, same bytes: text is NFC-normalised, the layout engine is chosen
explicitly (Raqm when Pillow has it, which applies the font's kerning), the
picture is reduced to a 64-colour palette without dithering, and the PNG is
written without time, text or resolution chunks.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache

import PIL
from PIL import Image, ImageDraw, ImageFont, features

from .pdfdoc import sans_files

WIDTH, HEIGHT = 1200, 630
PAD = 72
BACKGROUND = (16, 78, 54)  # deep green, as the site
ACCENT = (250, 204, 21)
TEXT = (255, 255, 255)
MUTED = (209, 230, 219)
LAYOUT = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
ENGINE = f"Pillow {PIL.__version__} {LAYOUT.name}"


@cache
def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(sans_files()[style], size, layout_engine=LAYOUT)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.getlength(trial) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:  # one token longer than a line: break it
            cut = len(word)
            while cut > 1 and font.getlength(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return [*lines, line] if line else lines


def _ellipsis(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    words = text.split()
    while words and font.getlength(" ".join(words) + "…") > width:
        words.pop()
    if words:
        return " ".join(words).rstrip(" ,;:.-–—·") + "…"
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _title_lines(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The title in at most 3 lines: shrink from 64 to 52 px, then cut with "…"."""
    for size in (64, 60, 56, 52):
        font = _font("B", size)
        lines = _wrap(title, font, width)
        if len(lines) <= 3:
            return font, lines
    rest = " ".join(lines[2:])
    return font, [*lines[:2], _ellipsis(rest, font, width)]


def card(title: str, subtitle: str, site: str, domain: str) -> bytes:
    """A 1200×630 PNG: the site name, the title, one line under it, the domain."""
    title, subtitle, site = (unicodedata.normalize("NFC", s) for s in (title, subtitle, site))
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 18, HEIGHT), fill=ACCENT)
    draw.rounded_rectangle((PAD, 56, PAD + 44, 100), radius=10, fill=ACCENT)
    draw.text((PAD + 22, 78), "NTM", font=_font("B", 16), fill=BACKGROUND, anchor="mm")
    site_font = _font("B", 30)
    draw.text(
        (PAD + 60, 78),
        _ellipsis(site, site_font, WIDTH - 2 * PAD - 60)
        if site_font.getlength(site) > WIDTH - 2 * PAD - 60
        else site,
        font=site_font,
        fill=TEXT,
        anchor="lm",
    )
    font, lines = _title_lines(title, WIDTH - 2 * PAD)
    y = 170
    for line in lines:
        draw.text((PAD, y), line, font=font, fill=TEXT, anchor="la")
        y += int(font.size * 1.25)
    small = _font("", 32)
    below = _wrap(subtitle, small, WIDTH - 2 * PAD)
    line = below[0] if len(below) == 1 else _ellipsis(subtitle, small, WIDTH - 2 * PAD)
    draw.text((PAD, y + 18), line, font=small, fill=MUTED, anchor="la")
    draw.line((PAD, HEIGHT - 92, WIDTH - PAD, HEIGHT - 92), fill=(60, 120, 95), width=2)
    draw.text((PAD, HEIGHT - 56), domain, font=_font("", 26), fill=MUTED, anchor="lm")
    palette = image.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, "PNG", compress_level=6)  # no pnginfo, dpi or exif: no time chunks
    return out.getvalue()
