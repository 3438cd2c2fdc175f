"""Writes endpoint/static/favicon.ico and favicon.svg: a page with lines of text, in the site's
accent colour. Run once when the design changes: ``.venv/bin/python scripts/make_favicon.py``."""

from __future__ import annotations

import struct
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "endpoint" / "static"
ACCENT = (0x1F, 0x5F, 0x99)  # --accent of site.css
SIZE = 32


def pixel(x: int, y: int) -> tuple[int, int, int, int]:
    """RGBA of the icon at (x, y), y from the top."""
    if not (4 <= x < 28 and 2 <= y < 30):
        return (0, 0, 0, 0)
    if 8 <= x < 24 and y in (8, 9, 13, 14, 18, 19, 23, 24) and not (y >= 23 and x >= 18):
        return (255, 255, 255, 255)
    return (*ACCENT, 255)


def ico() -> bytes:
    rows = []
    for y in reversed(range(SIZE)):  # BMP rows go bottom-up
        rows.append(b"".join(bytes((b, g, r, a)) for r, g, b, a in
                             (pixel(x, y) for x in range(SIZE))))
    mask = b"\0" * (SIZE * SIZE // 8)  # the alpha channel decides; the AND mask is all opaque
    header = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0,
                         len(rows) * SIZE * 4 + len(mask), 0, 0, 0, 0)
    image = header + b"".join(rows) + mask
    directory = struct.pack("<HHH", 0, 1, 1) + struct.pack(
        "<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + image


SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect x="4" y="2" width="24" height="28" rx="3" fill="#{''.join(f'{c:02x}' for c in ACCENT)}"/>
<path d="M8 9h16M8 14h16M8 19h16M8 24h10" stroke="#fff" stroke-width="2"/>
</svg>
"""

if __name__ == "__main__":
    (STATIC / "favicon.ico").write_bytes(ico())
    (STATIC / "favicon.svg").write_text(SVG, encoding="utf-8")
