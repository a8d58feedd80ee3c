#!/usr/bin/env python3
"""mkphotos.py OUTDIR — the test pictures, made fresh by each test: PNGs
written here with zlib, JPEGs by cjpeg (libjpeg-turbo-progs), a WebP by
cwebp when it is installed, each with EXIF (a date, a camera and a caption
carrying an escape sequence: EXIF strings are hostile), and the bad ones:
truncated, damaged, a decompression bomb, a text file named .jpg.

mkphotos.py OUTDIR --hostile also writes the costly ones bench/door.sh
measures (issue 32): 8900×8900 PNGs that are small on the wire (every row
Paeth-filtered; Adam7-interlaced) or as large as the byte limit allows
(noise), and 6000×6000 JPEGs of noise, progressive and baseline, and a
WebP of the same."""
import os
import shutil
import struct
import subprocess
import sys
import zlib


def tiff_exif(date, make, model, desc):
    """A little-endian TIFF block: IFD0 (ImageDescription, Make, Model,
    DateTime, ExifIFD pointer) and an EXIF IFD with DateTimeOriginal."""
    entries0 = [(0x010E, desc), (0x010F, make), (0x0110, model), (0x0132, date)]
    n0 = len(entries0) + 1
    ifd0_size = 2 + 12 * n0 + 4
    exif_off = 8 + ifd0_size
    exif_size = 2 + 12 + 4
    data_off = exif_off + exif_size
    data = b""
    ifd0 = struct.pack("<H", n0)
    for tag, text in entries0:
        raw = text.encode("utf-8") + b"\0"
        if len(raw) <= 4:
            ifd0 += struct.pack("<HHI", tag, 2, len(raw)) + raw.ljust(4, b"\0")
        else:
            ifd0 += struct.pack("<HHII", tag, 2, len(raw), data_off + len(data))
            data += raw + (b"\0" if len(raw) % 2 else b"")
    ifd0 += struct.pack("<HHII", 0x8769, 4, 1, exif_off) + struct.pack("<I", 0)
    raw = date.encode() + b"\0"
    exif = struct.pack("<H", 1) + struct.pack("<HHII", 0x9003, 2, len(raw), data_off + len(data))
    exif += struct.pack("<I", 0)
    data += raw
    return b"II*\0" + struct.pack("<I", 8) + ifd0 + exif + data


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width, height, pixel, exif=None):
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw += bytes(pixel(x, y))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if exif:
        out += chunk(b"eXIf", exif)
    return out + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


def bomb_png(width, height):
    """A header claiming width×height, with every row's zeros deflated:
    a few hundred KB that would inflate to gigabytes."""
    z = zlib.compressobj(9)
    row = bytes(1 + width * 3)
    body = b"".join(z.compress(row) for _ in range(min(height, 2000))) + z.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def rows_png(path, width, height, rows, interlace=0):
    """A PNG whose zlib stream is made row by row: rows(pass_width) yields
    each row's bytes, filter byte first."""
    z = zlib.compressobj(6)
    body = []
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2)] if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        pw, ph = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        if pw > 0 and ph > 0:
            for row in rows(pw, ph):
                body.append(z.compress(row))
    body.append(z.flush())
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, interlace))
                + chunk(b"IDAT", b"".join(body)) + chunk(b"IEND", b""))


def costly(out):
    side = 8900
    zero = lambda pw, ph: (bytes([4]) + bytes(pw * 3) for _ in range(ph))
    rows_png(os.path.join(out, "paeth-8900.png"), side, side, zero)
    rows_png(os.path.join(out, "adam7-8900.png"), side, side, zero, interlace=1)
    noise = bytes(b & 1 for b in os.urandom(side * 3 + 1000))
    rows_png(os.path.join(out, "noise-8900.png"), side, side,
             lambda pw, ph: (bytes([4]) + noise[y * 7 % 1000:][:pw * 3] for y in range(ph)))
    cjpeg = shutil.which("cjpeg")
    if cjpeg:
        src = os.path.join(out, "noise.ppm")
        with open(src, "wb") as f:
            f.write(b"P6 6000 6000 255\n" + os.urandom(6000 * 6000 * 3))
        with open(os.path.join(out, "noise-6000.jpg"), "wb") as f:
            subprocess.run([cjpeg, "-progressive", "-quality", "95", src], check=True, stdout=f)
        with open(os.path.join(out, "noise-6000-baseline.jpg"), "wb") as f:
            subprocess.run([cjpeg, "-quality", "90", src], check=True, stdout=f)
        os.remove(src)
    cwebp = shutil.which("cwebp")
    if cwebp:
        src = os.path.join(out, "noise-6000.png")
        grain = os.urandom(6000 * 3 + 1000)
        rows_png(src, 6000, 6000,
                 lambda pw, ph: (bytes([0]) + grain[y * 7 % 1000:][:pw * 3] for y in range(ph)))
        subprocess.run([cwebp, "-quiet", "-q", "90", src, "-o",
                        os.path.join(out, "noise-6000.webp")], check=True)
        os.remove(src)


def ppm(width, height, pixel):
    out = bytearray(b"P6 %d %d 255\n" % (width, height))
    for y in range(height):
        for x in range(width):
            out += bytes(pixel(x, y))
    return bytes(out)


def jpeg_with_exif(jpeg, exif):
    app1 = b"Exif\0\0" + exif
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    hostile = "一线职工 运动会\x1b[2J\x1b]0;pwned\x07 决赛"
    exif_a = tiff_exif("2024:05:01 10:20:30", "Canon", "Canon EOS R5", hostile)
    exif_b = tiff_exif("2024:06:02 08:00:00", "NIKON", "Z 6", "车间里的工人")
    grad = lambda x, y: ((x * 255) // 159, (y * 255) // 99, 128)
    stripes = lambda x, y: (200, 40, 40) if (x // 20) % 2 else (30, 90, 200)
    with open(os.path.join(out, "2.png"), "wb") as f:
        f.write(png(160, 100, grad, exif_b))
    with open(os.path.join(out, "3.png"), "wb") as f:
        f.write(png(64, 48, stripes))
    src = os.path.join(out, "src.ppm")
    with open(src, "wb") as f:
        f.write(ppm(320, 240, stripes))
    cjpeg = shutil.which("cjpeg")
    if not cjpeg:
        sys.exit("mkphotos: cjpeg is missing (Debian: libjpeg-turbo-progs)")
    plain = subprocess.run([cjpeg, "-quality", "85", src], check=True, capture_output=True).stdout
    with open(os.path.join(out, "1.jpg"), "wb") as f:
        f.write(jpeg_with_exif(plain, exif_a))
    prog = subprocess.run([cjpeg, "-progressive", src], check=True, capture_output=True).stdout
    with open(os.path.join(out, "4.jpg"), "wb") as f:
        f.write(prog)
    # truncated: the first half of a valid JPEG
    with open(os.path.join(out, "truncated.jpg"), "wb") as f:
        f.write(plain[: len(plain) // 2])
    with open(os.path.join(out, "truncated.png"), "wb") as f:
        f.write(png(160, 100, grad)[:-200])
    # damaged: one byte of the image data flipped (its chunk's CRC fails)
    good = bytearray(png(160, 100, grad))
    good[len(good) - 40] ^= 0x55
    with open(os.path.join(out, "damaged.png"), "wb") as f:
        f.write(bytes(good))
    with open(os.path.join(out, "bomb.png"), "wb") as f:
        f.write(bomb_png(20000, 20000))
    with open(os.path.join(out, "story.jpg"), "wb") as f:
        f.write("标题：不是照片\n\n这是一篇文字稿。\n".encode())
    cwebp = shutil.which("cwebp")
    if cwebp:
        subprocess.run([cwebp, "-quiet", os.path.join(out, "3.png"), "-o",
                        os.path.join(out, "5.webp")], check=True)
    os.remove(src)
    if "--hostile" in sys.argv[2:]:
        costly(out)


main()
