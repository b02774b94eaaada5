#!/usr/bin/env python3
"""Generates a news archive as JSON Lines for the batch benchmark and the Python and Dask tests.

Every article is made here from the templates below (written for this project: no text from the
evaluation sets or any other source), Arabic and English alternating, with seeded randomness so
that the same arguments give the same archive. A record is
{"id", "outlet", "date", "lang", "text"}.

    python3 scripts/make_archive.py 10000 > archive.jsonl
    python3 scripts/make_archive.py 10000 --bad 25 > archive-with-bad-records.jsonl

--bad N replaces N records, spread through the archive, by bad ones of each kind the batch
command reports (invalid JSON, missing text, not UTF-8, over 10 MB, text not a string).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Iterator

DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

# (role, name): people named with their title, the way agency copy introduces them.
PEOPLE_EN = [
    ("Russian President", "Vladimir Putin"),
    ("French President", "Emmanuel Macron"),
    ("German Chancellor", "Olaf Scholz"),
    ("Turkish President", "Recep Tayyip Erdogan"),
    ("Egyptian Foreign Minister", "Sameh Shoukry"),
    ("UN Secretary-General", "Antonio Guterres"),
    ("Jordanian Foreign Minister", "Ayman Safadi"),
]
BODIES_EN = ["Ukraine", "Egypt", "Qatar", "Iran", "Jordan", "the European Union", "NATO", "the African Union", "the World Health Organization"]
CLAIMS_EN = [
    "the proposal for a ceasefire in the south",
    "new sanctions on oil exports",
    "the agreement on grain shipments",
    "talks in Geneva next month",
    "the release of detained journalists",
    "a two-state solution",
    "an international inquiry into the attack",
    "the plan to reopen the border crossing",
]
CLAUSES_EN = [
    "the talks had reached a dead end",
    "the humanitarian situation was getting worse every day",
    "his government would not accept any preconditions",
    "the negotiations would resume after the holiday",
    "the attack was a violation of international law",
]
CITIES_EN = ["Cairo", "Doha", "Geneva", "Amman", "Brussels", "Istanbul"]

# (role, name, feminine): Arabic verbs agree with their subject.
PEOPLE_AR = [
    ("الرئيس الروسي", "فلاديمير بوتين", False),
    ("الرئيس الفرنسي", "إيمانويل ماكرون", False),
    ("وزير الخارجية المصري", "سامح شكري", False),
    ("الأمين العام للأمم المتحدة", "أنطونيو غوتيريش", False),
    ("وزير الخارجية الأردني", "أيمن الصفدي", False),
    ("الرئيس التركي", "رجب طيب أردوغان", False),
]
BODIES_AR = [("مصر", True), ("قطر", True), ("إيران", True), ("الأردن", False), ("الأمم المتحدة", True), ("الاتحاد الأوروبي", False), ("جامعة الدول العربية", True)]
CLAIMS_AR = [
    "المقترح الأمريكي لوقف إطلاق النار",
    "العقوبات الجديدة على صادرات النفط",
    "اتفاق تصدير الحبوب",
    "المفاوضات المقررة في جنيف الشهر المقبل",
    "الإفراج عن الصحفيين المحتجزين",
    "حل الدولتين",
    "فتح المعبر الحدودي أمام المساعدات",
]
CLAUSES_AR = [
    "المفاوضات وصلت إلى طريق مسدود",
    "الأوضاع الإنسانية تزداد سوءا يوما بعد يوم",
    "بلاده لن تقبل أي شروط مسبقة",
    "الحوار هو السبيل الوحيد لحل الأزمة",
    "الهجوم يشكل انتهاكا للقانون الدولي",
]
CITIES_AR = ["القاهرة", "الدوحة", "جنيف", "عمان", "بروكسل", "إسطنبول"]

# Verb (masculine, feminine) and the preposition its object takes.
VERBS_AR = [("رفض", "رفضت", ""), ("رحب", "رحبت", "ب"), ("طالب", "طالبت", "ب"), ("حذر", "حذرت", "من"), ("اقترح", "اقترحت", "")]
VERBS_EN = ["rejected", "welcomed", "called for", "warned against", "proposed", "backed"]


def sentence_en(rng: random.Random) -> str:
    role, name = rng.choice(PEOPLE_EN)
    person = f"{role} {name}" if rng.random() < 0.6 else name
    body = rng.choice(BODIES_EN)
    body = body[0].upper() + body[1:]
    actor = rng.choice([person, body])
    kind = rng.randrange(5)
    if kind == 0:
        return f"{person} said on {rng.choice(DAYS_EN)} that {rng.choice(CLAUSES_EN)}."
    if kind == 1:
        return f"{actor} accused {rng.choice([b for b in BODIES_EN if b.lower() != actor.lower()])} of blocking {rng.choice(CLAIMS_EN)}."
    if kind == 2:
        return f"The meeting in {rng.choice(CITIES_EN)} lasted several hours, officials said."
    return f"{actor} {rng.choice(VERBS_EN)} {rng.choice(CLAIMS_EN)}."


def sentence_ar(rng: random.Random) -> str:
    role, name, _ = rng.choice(PEOPLE_AR)
    body, feminine = rng.choice(BODIES_AR)
    kind = rng.randrange(5)
    if kind == 0:
        return f"وقال {role} {name} يوم {rng.choice(DAYS_AR)} إن {rng.choice(CLAUSES_AR)}."
    if kind == 1:
        return f"وعقد الاجتماع في {rng.choice(CITIES_AR)} واستمر عدة ساعات بحسب مسؤولين."
    masculine_verb, feminine_verb, preposition = rng.choice(VERBS_AR)
    claim = rng.choice(CLAIMS_AR)
    if rng.random() < 0.5:
        return f"و{masculine_verb} {role} {name} {preposition}{'' if preposition == 'ب' else ' ' if preposition else ''}{claim}."
    verb = feminine_verb if feminine else masculine_verb
    return f"و{verb} {body} {preposition}{'' if preposition == 'ب' else ' ' if preposition else ''}{claim}."


def article(i: int, seed: int = 2024) -> dict:
    rng = random.Random(seed * 1_000_003 + i)
    arabic = i % 2 == 0
    make = sentence_ar if arabic else sentence_en
    sentences = [make(rng) for _ in range(rng.randint(4, 9))]
    if arabic:
        # An Arabic article opens without the conjunction that links its later sentences.
        sentences[0] = sentences[0][1:] if sentences[0].startswith("و") else sentences[0]
    return {
        "id": f"gen-{i:06d}",
        "outlet": "صحيفة المثال" if arabic else "The Example Daily",
        "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "lang": "ar" if arabic else "en",
        "text": " ".join(sentences),
    }


BAD_KINDS = ["invalid JSON", "missing text", "not UTF-8", "over 10 MB", "not a string"]


def bad_record(i: int, kind: str) -> bytes:
    if kind == "invalid JSON":
        return b'{"id": "gen-%06d", "text": "unterminated' % i
    if kind == "missing text":
        return json.dumps({"id": f"gen-{i:06d}", "body": "Egypt rejected the proposal."}).encode()
    if kind == "not UTF-8":
        return b'{"id": "gen-%06d", "text": "caf\xe9 owners rejected the plan"}' % i
    if kind == "over 10 MB":
        return json.dumps({"id": f"gen-{i:06d}", "text": "word " * 2_000_001}).encode()
    return json.dumps({"id": f"gen-{i:06d}", "text": 42}).encode()


def lines(count: int, bad: int = 0, seed: int = 2024) -> Iterator[bytes]:
    """The archive's lines (without newlines); with `bad` > 0, which lines are bad is
    `bad_lines(count, bad)`."""
    bad_at = bad_lines(count, bad)
    for i in range(1, count + 1):
        if i in bad_at:
            yield bad_record(i, bad_at[i])
        else:
            yield json.dumps(article(i, seed), ensure_ascii=False).encode()


def bad_lines(count: int, bad: int) -> dict[int, str]:
    """Line number (from 1) → kind of bad record, spread evenly through the archive."""
    if bad <= 0:
        return {}
    step = max(count // bad, 1)
    return {min(count, 1 + k * step + step // 2): BAD_KINDS[k % len(BAD_KINDS)] for k in range(bad)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--bad", type=int, default=0, help="bad records to inject")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    out = sys.stdout.buffer
    for line in lines(args.count, args.bad, args.seed):
        out.write(line + b"\n")


if __name__ == "__main__":
    main()
