#!/usr/bin/env python3
"""Derives the handbook search's compact Chinese tables from Unicode's Unihan database.

Input: the Unihan files as Debian's `unicode-data` package installs them (/usr/share/unicode/Unihan_*.txt.bz2),
or another folder given as the first argument. Output (committed, so neither the build nor the tests need the
package): src/OutreachBot.Core/Handbook/Data/traditional.txt and pinyin.txt.

- pinyin.txt: for the 8,105 characters of the Table of General Standard Chinese Characters (kTGHZ2013), every
  standard reading that table lists, without tones (ü written v), as "syllable<TAB>characters".
- traditional.txt: one "TS" pair a line, a Traditional character T and its Simplified form S (kSimplifiedVariant),
  where S is a standard character and T is not also its own simplified form (such as 乾, which stays as it is).

Run: python3 tools/unihan/derive_tables.py [/usr/share/unicode]
"""
import bz2
import os
import sys
import unicodedata
from collections import defaultdict

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
target = os.path.join(os.path.dirname(__file__), "..", "..", "src", "OutreachBot.Core", "Handbook", "Data")


def fields(name):
    path = os.path.join(source, name)
    opener = bz2.open if path.endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code, key, value = line.rstrip("\n").split("\t", 2)
            yield chr(int(code[2:], 16)), key, value


def toneless(reading):
    plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
    return plain.replace("u\u0308", "v").replace("ü", "v").lower()


readings = defaultdict(set)
version = None
for char, key, value in fields("Unihan_Readings.txt.bz2"):
    if key == "kTGHZ2013":
        for entry in value.split():
            readings[char].add(toneless(entry.split(":", 1)[1]))
standard = set(readings)

by_syllable = defaultdict(list)
for char in sorted(readings):
    for syllable in readings[char]:
        by_syllable[syllable].append(char)

pairs = {}
for char, key, value in fields("Unihan_Variants.txt.bz2"):
    if key != "kSimplifiedVariant" or ord(char) > 0xFFFF:
        continue
    simplified = [chr(int(v[2:], 16)) for v in value.split()]
    if char in simplified:
        continue
    if simplified[0] in standard:
        pairs[char] = simplified[0]

header = "# Derived from Unicode's Unihan database by tools/unihan/derive_tables.py; Unicode licence, see LICENSE-Unicode.txt.\n"
with open(os.path.join(target, "pinyin.txt"), "w", encoding="utf-8", newline="\n") as out:
    out.write(header + "# syllable<TAB>characters with that standard reading (kTGHZ2013), tones removed, ü as v\n")
    for syllable in sorted(by_syllable):
        out.write(f"{syllable}\t{''.join(by_syllable[syllable])}\n")
with open(os.path.join(target, "traditional.txt"), "w", encoding="utf-8", newline="\n") as out:
    out.write(header + "# one pair a line: a Traditional character and its Simplified form (kSimplifiedVariant)\n")
    for char in sorted(pairs):
        out.write(f"{char}{pairs[char]}\n")
print(f"{len(standard)} standard characters, {len(by_syllable)} syllables, {len(pairs)} Traditional pairs")
