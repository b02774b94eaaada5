#!/usr/bin/env python3
"""Output-identity check for performance work: runs a `stancemap` binary over a fixed set of
inputs and records its outputs, or compares them byte for byte with a recorded set.

Inputs: every tests/articles/*.txt (JSON and Markdown, detected and each forced language),
every dev case text from ../shared/eval/dev/cases.jsonl when present, and generated
pathological inputs (megabytes of articles, a 1 MB line, cue floods, large tables, many
names, repeated titles, punctuation only, mixed scripts, bidi marks).

    scripts/compare-outputs.py record BINARY DIR    # before optimising
    scripts/compare-outputs.py compare BINARY DIR   # after: exit 1 on any difference

Not part of CI: a tool for whoever changes a hot path.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "..", "shared", "eval", "dev", "cases.jsonl")


def articles():
    d = os.path.join(ROOT, "tests", "articles")
    out = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                out.append((name[:-4], f.read()))
    return out


def dev_cases():
    if not os.path.exists(CASES):
        print(f"note: {CASES} absent; dev cases skipped", file=sys.stderr)
        return []
    out = []
    with open(CASES, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if line.strip():
                case = json.loads(line)
                out.append((f"dev-{n:02}-{case.get('id', n)}", case["text"]))
    return out


def repeat_to(text, size):
    return (text * (size // max(len(text.encode()), 1) + 1))


def generated(arts, devs):
    every = "\n\n".join(t for _, t in arts + devs) + "\n\n"
    ar = "\n\n".join(t for n, t in arts + devs if n.startswith("ar") or ("dev" in n and sum(c >= "\u0600" and c <= "\u06ff" for c in t) > len(t) / 4)) + "\n\n"
    en = "\n\n".join(t for n, t in arts + devs if n.startswith("en") or ("dev" in n and sum(c >= "\u0600" and c <= "\u06ff" for c in t) <= len(t) / 4)) + "\n\n"
    g = [
        ("gen-articles-1mb", repeat_to(every, 1_000_000)),
        ("gen-ar-1mb", repeat_to(ar, 1_000_000)),
        ("gen-en-1mb", repeat_to(en, 1_000_000)),
        ("gen-one-line", ("President Vladimir Putin said that the talks would go on, and Ukraine rejected the plan \"as a trap\", while China warned against escalation and France called for a ceasefire، وقال الرئيس الروسي فلاديمير بوتين إن المحادثات مستمرة، ورفضت أوكرانيا الخطة ") * 2000),
        ("gen-cues-en", "Putin said; \"we refuse\" " * 20000),
        ("gen-cues-ar", "وقال بوتين؛ «نرفض» " * 20000),
        ("gen-table-tabs", "Ministers met in Paris.\n\nIssue\tFrance\tGermany\n" + "".join(f"Aspect {i}\tSupports plan {i}\tRejects plan {i}\n" for i in range(20000))),
        ("gen-table-pipes", "Ministers met in Paris.\n\n| Issue | France | Germany |\n|---|---|---|\n" + "".join(f"| Aspect {i} | Supports plan {i} | Rejects plan {i} |\n" for i in range(20000))),
        ("gen-rows-no-header", "".join(f"Budget {i}\tMore spending\tStrict limits | Defence | NATO vs army\n" for i in range(20000))),
        ("gen-collapsed-wide", "وعقد الوزراء اجتماعا.\n\nالملفات مصر السودان إثيوبيا السعودية قطر الإمارات الأردن\n" + "الموقف من الهدنة يرفض وقف القتال دون ضمانات يدعم الهدنة الفورية مع تبادل الأسرى يطالب بانسحاب كامل من كل المناطق يدعو إلى الحوار الشامل بين الأطراف يؤيد الوساطة المصرية القطرية يرحب بالمبادرة الجديدة للسلام يشترط وقف الاستيطان أولا يدعو إلى مؤتمر دولي عاجل ويطالب بضمانات دولية ملزمة للطرفين\n" * 30),
        ("gen-names-en", "".join(f"{['John', 'Maria', 'Ahmed', 'Elena', 'David', 'Sara'][i % 6]} {name(i, LATIN).capitalize()} said the plan was fair. " for i in range(10000))),
        ("gen-names-ar", "".join(f"وقال {['خالد', 'محمد', 'فاطمة', 'أحمد'][i % 4]} {name(i, ARABIC)} إن الخطة عادلة. " for i in range(10000))),
        ("gen-title-case", " ".join(name(i, LATIN).capitalize() for i in range(50000))),
        ("gen-titles-ar", "الرئيس الروسي " * 20000),
        ("gen-titles-en", "Russian President " * 20000 + "Vladimir Putin said that the talks had failed."),
        ("gen-punctuation", "!?.,;:«»\"'()[]-—… " * 20000),
        ("gen-whitespace-nul", " \t\n\r\u00a0\u0000" * 20000),
        ("gen-mixed-scripts", "Putin Путин 普京 بوتين पुतिन Πούτιν 푸틴 said قال сказал 说 «» ١٢٣ 123 ０１ " * 3000),
        ("gen-bidi", "\u202bقال الرئيس الروسي فلاديمير بوتين\u202c \u2066Putin said\u2069\u200f. " * 5000),
        ("gen-bidi-words", "\n\n".join(t.replace(" ", " \u200f") for _, t in arts)),
    ]
    return g


LATIN = ["ka", "lo", "me", "bi", "ru", "sa", "ten", "vo", "dra", "nik", "pel", "zu", "mar", "gos", "tiv", "han"]
ARABIC = ["كا", "لي", "مو", "بر", "سع", "تن", "ود", "رف", "نج", "هل", "زي", "شم", "قد", "غو", "طب", "خر"]


def name(i, syllables):
    n, out = i, ""
    for _ in range(4):
        out += syllables[n % len(syllables)]
        n //= len(syllables)
    return out


def runs():
    arts, devs = articles(), dev_cases()
    out = []
    for n, t in arts:
        out += [(n, t, []), (n + ".md", t, ["--format", "markdown"]), (n + ".ar", t, ["--language", "ar"]), (n + ".en", t, ["--language", "en"])]
    out += [(n, t, []) for n, t in devs]
    out += [(n, t, []) for n, t in generated(arts, devs)]
    return out


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("record", "compare"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    mode, binary, outdir = sys.argv[1:]
    os.makedirs(outdir, exist_ok=True)
    differ = 0
    cases = runs()
    with tempfile.TemporaryDirectory() as tmp:
        for n, text, args in cases:
            path = os.path.join(tmp, "input.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            got = subprocess.run([binary, *args, path], capture_output=True, check=True).stdout
            saved = os.path.join(outdir, n + ".out")
            if mode == "record":
                with open(saved, "wb") as f:
                    f.write(got)
            else:
                with open(saved, "rb") as f:
                    if f.read() != got:
                        differ += 1
                        print(f"DIFFERS: {n}")
    if mode == "record":
        print(f"recorded {len(cases)} outputs in {outdir}")
    else:
        print(f"{len(cases) - differ} of {len(cases)} outputs identical")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
