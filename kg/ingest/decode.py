"""Decoding: bytes to text (UTF-8 with or without BOM, UTF-16/32, GB18030/GBK, Big5), or why not."""

from __future__ import annotations

import codecs
import unicodedata

from kg.ingest.script import common_characters, to_simplified

# Below this share of plausible characters a decoding is taken for mojibake, not text.
MIN_PLAUSIBLE = 0.75


# Encodings are judged on the start of a file: plenty of text, and big files stay fast.
DETECT_BYTES = 64 * 1024


DETECT_CHARS = 20_000


_CJK_ENCODINGS = ("gb18030", "big5hkscs")


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"SQLite format", "an SQLite database"),
)


_MAGIC_KINDS = frozenset(kind for _, kind in _MAGIC)


class SkipFile(Exception):
    """This file (or JSONL line) cannot give an article; the message says why."""


# The one rule for NUL and control bytes: a file is binary when they are more than this share of
# its first 8 KiB or of the whole file; fewer are stray bytes, removed by normalisation and
# counted (``control_count``) — wherever in the file they stand.
BINARY_SHARE = 0.05
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _control_share(data: bytes) -> float:
    return len(data.translate(None, _OTHER_BYTES)) / len(data) if data else 0.0


def binary_kind(data: bytes) -> str | None:
    """What a binary file is ("a PDF document", "NUL or control bytes"), or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    share = max(_control_share(data[:8192]), _control_share(data))
    if share > BINARY_SHARE:
        return f"NUL or control bytes, {share:.0%} of it"
    return None


def stray_nuls(data: bytes, encoding: str | None) -> int:
    """How many NUL bytes ``decode_bytes`` removed from ``data`` (none in UTF-16/32 text, where
    they are part of the characters)."""
    if encoding is None or encoding.startswith(("utf-16", "utf-32")):
        return 0
    return data.count(0)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, which looks binary byte by byte (its NULs
    and control-range bytes are halves of characters): taken when it decodes as plausible text.
    Where the NULs stand (odd: little-endian, even: big-endian) says which to try first."""
    if len(data) % 2:
        return None
    head = data[:8192]
    order = (
        ("utf-16-be", "utf-16-le")
        if head[0::2].count(0) > head[1::2].count(0)
        else ("utf-16-le", "utf-16-be")
    )
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausibility(text[:DETECT_CHARS]) >= MIN_PLAUSIBLE:
            return text, encoding
    return None


def plausibility(text: str) -> float:
    """Share of visible characters that real Chinese or Latin text is made of.

    Common Han characters (GB2312 level 1, after t2s so Big5 text scores too), ASCII and CJK
    punctuation count fully, rarer Han characters a little; mojibake is full of rare ones.
    """
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    common = common_characters()
    simplified = to_simplified("".join(visible))
    score = 0.0
    for ch in simplified:
        o = ord(ch)
        if 0x20 < o < 0x7F or ch in common:
            score += 1
        elif 0x4E00 <= o <= 0x9FFF:
            score += 0.3
        elif 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in "“”‘’…—·、《》":
            score += 1
        elif unicodedata.category(ch)[0] in "LN" and o < 0x2000:
            score += 0.8  # Latin letters with accents, Greek, Cyrillic
    return score / len(simplified)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file: BOMs first, then strict UTF-8, then the best of GB18030, Big5 and
    charset-normalizer's guess (short Chinese texts fool detectors, so each guess is scored
    for plausibility rather than trusted). Raises SkipFile for binary or undecodable data."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SkipFile(
                    f"undecodable: starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    kind = binary_kind(data)
    if kind:
        utf16 = None if kind in _MAGIC_KINDS else _utf16_without_bom(data)
        if utf16 is None:
            raise SkipFile(f"binary file ({kind})")
        return utf16
    data = data.replace(b"\x00", b"")  # stray NULs (see BINARY_SHARE); the reader counts them
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, str] = {}
    for encoding in _CJK_ENCODINGS:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[:DETECT_BYTES]).best()
        if guess is not None and guess.encoding not in candidates:
            candidates[guess.encoding] = data.decode(guess.encoding)
    except Exception:  # noqa: BLE001 - a detector failure (or its guess failing) is one guess fewer
        pass
    scored = sorted(
        ((plausibility(text[:DETECT_CHARS]), enc) for enc, text in candidates.items()), reverse=True
    )
    if not scored or scored[0][0] < MIN_PLAUSIBLE:
        raise SkipFile("undecodable: not UTF-8, GB18030/GBK or Big5 text")
    best = scored[0][1]
    return candidates[best], best
