#!/usr/bin/env python3
"""The UI is Chinese by default: every message a person can see has its zh_CN translation.

Runs Qt's lupdate over the same source directories as translations/CMakeLists.txt into a scratch copy of
translations/windowdesk_zh_CN.ts (the checkout is not touched) and fails, naming each one, on any message whose
translation is missing or unfinished. Usage: translations_complete.py <source root> <lupdate>
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def translated_dirs(root):
    text = open(os.path.join(root, "translations", "CMakeLists.txt"), encoding="utf-8").read()
    block = re.search(r"set\(WINDOWDESK_TRANSLATED_DIRS(.*?)\)", text, re.S).group(1)
    return [os.path.join(root, d.replace("${PROJECT_SOURCE_DIR}/", "")) for d in block.split()]


def main():
    root, lupdate = sys.argv[1], sys.argv[2]
    dirs = [d for d in translated_dirs(root) if os.path.isdir(d)]
    if not dirs:
        print("no translated source directories found")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        ts = os.path.join(tmp, "windowdesk_zh_CN.ts")
        shutil.copy(os.path.join(root, "translations", "windowdesk_zh_CN.ts"), ts)
        run = subprocess.run([lupdate, *dirs, "-extensions", "cpp,h", "-no-obsolete", "-locations", "none",
                              "-ts", ts], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr)
            return 1
        missing = []
        total = 0
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                tr = message.find("translation")
                kind = tr.get("type") if tr is not None else None
                if kind in ("vanished", "obsolete"):
                    continue
                total += 1
                forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
                text = "".join(forms) if forms else (tr.text or "" if tr is not None else "")
                if kind == "unfinished" or not text.strip():
                    missing.append(f"{name}: {message.findtext('source')!r}")
    for m in missing:
        print("untranslated:", m)
    print(f"{total} messages, {len(missing)} without a zh_CN translation")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
