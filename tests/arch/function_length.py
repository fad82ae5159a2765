#!/usr/bin/env python3
"""No product function over 120 lines (issue 12): every function defined in a .cpp under modules/ and app/.

A definition starts at a line that begins at column 0 (or a constructor's initialiser line, `    , m_x(...) {`),
holds a `)` and ends with `{`; it ends at the next line that begins with `}` at column 0 (the style clang-format
keeps: bodies indented, namespaces' contents not). Lambdas count towards the function they are written in.
Exit 1 with the list when one is longer; prints the longest either way."""
import os
import re
import sys

LIMIT = 120
root = sys.argv[1]
skip_prefix = ('namespace', 'class ', 'struct ', 'enum ', 'extern', '}', '#', '//', 'using ')
found = []
for top in ('modules', 'app'):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            if not name.endswith('.cpp'):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                lines = f.read().split('\n')
            start = None
            for i, line in enumerate(lines):
                if start is None:
                    if not line.endswith('{') or ')' not in line:
                        continue
                    init_list = re.match(r'^    [,:] ', line)
                    if not init_list and (line.startswith((' ', '\t')) or line.startswith(skip_prefix)):
                        continue
                    if ' = ' in line.split('(')[0]:
                        continue
                    start = i
                    # the signature: this line, or the lines above it back to the first at column 0
                    j = i
                    while j > 0 and (lines[j].startswith(' ') or lines[j].startswith('\t')):
                        j -= 1
                    signature = ' '.join(l.strip() for l in lines[j:i + 1])
                elif line.startswith('}'):
                    found.append((i - start - 1, os.path.relpath(path, root), start + 1, signature[:100]))
                    start = None
found.sort(reverse=True)
too_long = [f for f in found if f[0] > LIMIT]
print(f'{len(found)} functions read; the longest:')
for n, path, line, sig in found[:5]:
    print(f'  {n:4d} lines  {path}:{line}  {sig}')
if too_long:
    print(f'\nFAIL: {len(too_long)} function(s) over {LIMIT} lines — split them into named parts:')
    for n, path, line, sig in too_long:
        print(f'  {n:4d} lines  {path}:{line}  {sig}')
    sys.exit(1)
