#!/usr/bin/env python3
"""Writes the pathological articles of tests/hostile.rs into a folder.

    scripts/pathological.py OUTDIR [--scale F] [--huge]

Sizes are those of the tests times F (0.5 and 1 give the linearity check of
scripts/bench-pathological.sh). --huge adds the 200 MB article (times F).
Used by `make bench` (time and memory per input) and `make eval` (the
output of each, read back with Python's csv module).
"""
import argparse
import os
import random

PARAGRAPH = ('The minister said the plan would work. "We are ready," she told '
             'reporters on Monday, adding that talks would go on.\n\n')
NARRATIVE = ('The bridge was built in 1932 and carries about forty thousand '
             'vehicles a day across the harbour. Repairs began in the spring.\n\n')


def repeat_to(block, size):
    return block * max(1, int(size) // len(block))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--huge', action='store_true')
    args = ap.parse_args()
    f = args.scale
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(7)

    def write(name, text, newline=None):
        path = os.path.join(args.outdir, name)
        with open(path, 'w', encoding='utf-8', newline=newline) as out:
            out.write(text)

    write('unclosed-quote-1mb.txt',
          '"This quotation opens and never closes.\n\n' + repeat_to(PARAGRAPH, f * (1 << 20)))
    write('quote-marks-100k.txt', '"' * int(f * 100_000))
    write('quote-kinds.txt', '“ ” „ « » " \' ‘ ’ ' * int(f * 12_000))
    words = ['alpha', 'beta', 'said', 'told', 'he', 'she', 'Smith', 'John', 'according', 'to']
    line = []
    size = 0
    while size < f * 10 * (1 << 20):
        w = rng.choice(words)
        line.append(w)
        size += len(w) + 1
    write('one-line-10mb.txt', ' '.join(line))
    write('whitespace.txt', ' \n\t\r\n \u00a0\u2003\n' * int(f * 10_000))
    controls = ['\0', '\x01', '\x07', '\x08', '\x0b', '\x0c', '\x1b', '\x7f', '\x85', '\u2028']
    write('controls.txt', ''.join(controls[i % len(controls)] + 'He said "x\0y" '
                                  for i in range(int(f * 100_000))))
    write('bom.txt', '\ufeff' + repeat_to(PARAGRAPH, f * 100_000))
    write('crlf-and-cr.txt', repeat_to(PARAGRAPH.replace('\n', '\r\n'), f * 50_000)
          + repeat_to(PARAGRAPH.replace('\n', '\r'), f * 50_000), newline='')
    scripts = ('«Мы готовы», — сказал Песков. "نحن مستعدون،" قال المتحدث. '
               '「準備はできている」と彼は言った。 "We are ready 👩‍👩‍👧‍👦🏳️‍🌈," said Jane Doe.\n\n')
    write('mixed-scripts.txt', scripts * int(f * 2_000))
    write('denials-1mb.txt', repeat_to('Officials denied the report. ', f * (1 << 20)))
    # Every sentence sends the resolver looking for the company meant: the
    # slowest input per byte that we know of (bounded look-back, linear).
    write('the-company-said-1mb.txt', repeat_to('The company said it was fine. ', f * (1 << 20)))
    # Every "it" follows a person's claim, and its subject search finds no
    # organisation: the search once read all the claims before (quadratic:
    # 3.3 s for this 1.3 MB; 0.15 s with the fix).
    write('it-after-a-person-1mb.txt',
          '"Yes," said minister Jane Hewett. '
          + repeat_to('The report came out. "Up," it said. ', f * (1 << 20)))
    # Every "the report" looks back for the report's author: a bounded
    # number of earlier mentions (reading them all took 1.0 s for this 1 MB).
    write('the-report-said-1mb.txt',
          'A report by the Kelby Water Board came out. '
          + repeat_to('The report said it was fine. ', f * (1 << 20)))
    write('distinct-names-1mb.txt', ''.join(f'"We are fine," said John Smith{i}. '
                                            for i in range(int(f * (1 << 20)) // 36)))
    if args.huge:
        block = (PARAGRAPH + NARRATIVE * 4) * 16
        path = os.path.join(args.outdir, 'article-200mb.txt')
        with open(path, 'w', encoding='utf-8') as out:
            for _ in range(int(f * 200_000_000) // len(block)):
                out.write(block)


if __name__ == '__main__':
    main()
