#!/usr/bin/env python3
"""Reads claimtrack CSV output back with Python's csv module (RFC 4180).

    scripts/check_csv.py CSV EXPECTED_ROWS

Fails when a record has another number of fields than the header, when the
row count differs from EXPECTED_ROWS (the count claimtrack's summary line
gave), or when a text span is not the article's text (checked by the Rust
tests; here only the reading is at stake).
"""
import csv
import sys


def main():
    path, expected = sys.argv[1], int(sys.argv[2])
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        rows = 0
        for record in reader:
            if len(record) != len(header):
                sys.exit(f'{path}: line {reader.line_num}: {len(record)} fields, header has {len(header)}')
            rows += 1
    if rows != expected:
        sys.exit(f'{path}: {rows} rows, claimtrack wrote {expected}')
    print(f'ok {rows:>7} rows  {path}')


if __name__ == '__main__':
    main()
