"""Writes the README's fenced code blocks of one language to files, so `make test` can compile them.

    python3 tests/docs/readme_blocks.py typescript OUTDIR   -> OUTDIR/block1.ts, ...
    python3 tests/docs/readme_blocks.py go OUTDIR           -> OUTDIR/block1/main.go, ...
    python3 tests/docs/readme_blocks.py python OUTDIR       -> OUTDIR/block1.py, ...

Prints how many blocks it wrote; fails when there are none (a renamed fence would otherwise
silently test nothing).
"""

import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(r"^```" + re.escape(lang) + r"\n(.*?)^```", text, flags=re.S | re.M)


def main() -> int:
    lang, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        found = blocks(f.read(), lang)
    if not found:
        print(f"readme: no ```{lang} blocks in README.md", file=sys.stderr)
        return 1
    os.makedirs(out, exist_ok=True)
    for i, body in enumerate(found, 1):
        if lang == "go":
            path = os.path.join(out, f"block{i}", "main.go")
            os.makedirs(os.path.dirname(path), exist_ok=True)
        else:
            path = os.path.join(out, f"block{i}.{ {'typescript': 'ts', 'python': 'py'}[lang] }")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
    print(f"readme: {len(found)} {lang} block(s) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
