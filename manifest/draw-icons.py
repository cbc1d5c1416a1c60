#!/usr/bin/env python3
"""Draws the two Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

Run it after changing the drawing: `python3 manifest/draw-icons.py`. The PNGs are committed; the package
build only reads them. The motif is a chat bubble with a tick: a request asked for in chat and done.
Shapes are signed distance functions in pixel units; a pixel's coverage is 0.5 - distance, clamped, which
gives one pixel of anti-aliasing without supersampling. Output is deterministic (same bytes every run).
"""
import math
import os
import struct
import zlib

ACCENT = (0x2B, 0x57, 0xC9)  # keep equal to accentColor in manifest.json
WHITE = (0xFF, 0xFF, 0xFF)


def rounded_rect(px, py, cx, cy, half_w, half_h, radius):
    qx = abs(px - cx) - half_w + radius
    qy = abs(py - cy) - half_h + radius
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def segment(px, py, ax, ay, bx, by):
    abx, aby = bx - ax, by - ay
    t = ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)
    t = min(max(t, 0.0), 1.0)
    return math.hypot(px - ax - t * abx, py - ay - t * aby)


def triangle(px, py, a, b, c):
    """Signed distance to a triangle given clockwise or counter-clockwise."""
    d = min(segment(px, py, *a, *b), segment(px, py, *b, *c), segment(px, py, *c, *a))

    def side(p, q):
        return (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0])

    s1, s2, s3 = side(a, b), side(b, c), side(c, a)
    inside = (s1 >= 0 and s2 >= 0 and s3 >= 0) or (s1 <= 0 and s2 <= 0 and s3 <= 0)
    return -d if inside else d


def polyline(px, py, points, half_width):
    return min(segment(px, py, *points[i], *points[i + 1]) for i in range(len(points) - 1)) - half_width


def bubble(px, py, s):
    """The chat bubble, scaled by s from a 32-unit design grid: a rounded box and a tail at bottom left."""
    box = rounded_rect(px, py, 16 * s, 14.5 * s, 12 * s, 9.5 * s, 4.5 * s)
    tail = triangle(px, py, (8 * s, 21 * s), (15 * s, 21 * s), (7 * s, 28.5 * s))
    return min(box, tail)


def tick_points(s):
    return [(10.5 * s, 14.5 * s), (14.5 * s, 18.5 * s), (21.5 * s, 10.5 * s)]


def coverage(distance):
    return min(max(0.5 - distance, 0.0), 1.0)


def draw_color(size=192):
    # Full-bleed accent background (Teams rounds the corners itself); the symbol keeps inside the
    # central area so it survives that crop. The 32-unit grid is mapped to the middle 120 pixels.
    s = 120 / 32
    offset = (size - 120) / 2
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            px, py = x + 0.5 - offset, y + 0.5 - offset
            white = coverage(bubble(px, py, s))
            tick = coverage(polyline(px, py, tick_points(s), 1.6 * s))
            white *= 1.0 - tick  # the tick is cut out of the bubble, in the accent colour
            row += bytes(round(ACCENT[i] + (WHITE[i] - ACCENT[i]) * white) for i in range(3))
        rows.append(bytes(row))
    return png(size, size, 2, rows)


def draw_outline(size=32):
    # White on transparent: the bubble as a 2-pixel ring and the tick inside it. Every pixel is white;
    # only alpha varies, as Teams asks of outline icons.
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            ring = abs(bubble(px, py, 1.0) + 1.0) - 1.0
            tick = polyline(px, py, tick_points(1.0), 1.0)
            alpha = round(255 * coverage(min(ring, tick)))
            row += bytes((255, 255, 255, alpha)) if alpha else bytes(4)
        rows.append(bytes(row))
    return png(size, size, 6, rows)


def png(width, height, color_type, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 (None) on every row
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, data in (("color.png", draw_color()), ("outline.png", draw_outline())):
        with open(os.path.join(here, name), "wb") as f:
            f.write(data)
        print(f"wrote {name} ({len(data)} bytes)")
