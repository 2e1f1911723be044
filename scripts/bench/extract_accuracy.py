#!/usr/bin/env python3
"""Extraction accuracy on the labelled development corpus (../shared/corpus/dev/) and the bundled reports.

Usage: scripts/bench/extract_accuracy.py [--binary build/conflictmap] [--corpus ../shared/corpus/dev]
                                         [--lang en|ar] [--misses] [--json FILE]

Each passage is extracted on its own (its `Date:` line, when it has one, dates relative words). Labels and
events are then matched by these rules:

* Place: both the label's `place_as_written` and the event's `location_written` are folded (Latin: lower case,
  no diacritics or apostrophes, hyphens as spaces; Arabic: no vowel marks or tatweel, one alef, ta marbuta as
  ha, alef maqsura as ya) and split into words. Words that only say what kind of place it is ("village", "hill", "checkpoint",
  "countryside", "northern", "قرية", "ريف", …) are dropped from both (also when joined to "and": "شمال وشرق دمشق"). An event is *at* a label's place when
  the remaining words are equal, for the event's place as written or for its head before what locates it
  ("X in the Idlib province", "X في محافظة درعا"), allowing on Arabic words a joined conjunction or preposition (و ف ب ل ك) the
  other side lacks. "Tel al" is therefore not at "Tell al-Sultan", and "Aleppo" is at "the northern Aleppo
  countryside" (a region-level label).
* Type class: control_change ↔ an event with a new controller; airstrike and shelling ↔ an air/drone strike or a
  shelling event (one class: reports often leave the means unstated); clash ↔ armed clash; car_bomb_or_ied ↔
  remote explosive or suicide bomb; truce ↔ agreement; arrest ↔ arrests. Labels of type `other` (control status,
  sieges, withdrawals, …) need no event and are left out of recall, but an event at their place is no false
  positive.

Figures, per language:

* strict recall: labels (not `other`) with an event of their type class located at their place;
* lenient recall: labels with an event of their type class whose sentence contains the place as written;
* precision: events located at some labelled place of their own passage (passages without labels count: any
  event there is wrong);
* actor accuracy: on the strict hits, the event's actor1 in the label vocabulary equals the label's actor (the
  best of the matching events);
* controller accuracy: on strict hits of control_change labels, the new controller equals the label's;
* date accuracy: on strict hits whose label has a date, the event's date equals it.

The bundled reports are scored against tests/golden/expected_events.csv (recall of control changes and strike
places). `--misses` lists every missed label and every unmatched event.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ACTOR_VOCABULARY = {
    "Islamic State": "IS",
    "Syrian government forces": "regime",
    "Iranian militias": "regime",
    "Syrian opposition": "opposition",
    "Shamiya Front": "opposition",
    "Ahrar al-Sham": "opposition",
    "Jaish al-Sham": "opposition",
    "Jaish al-Islam": "opposition",
    "Fursan al-Haq": "opposition",
    "Syrian National Army": "opposition",
    "Hayat Tahrir al-Sham": "HTS_Nusra",
    "Syrian Democratic Forces": "SDF_YPG",
    "US-led coalition": "coalition",
    "Russian air force": "russia",
    "Russian armed forces": "russia",
    "Turkish army": "turkey",
    "Civilians": "other",
    "": "unknown",
}

TYPE_CLASS_OF_LABEL = {
    "control_change": "control",
    "airstrike": "strike",
    "shelling": "strike",
    "clash": "clash",
    "car_bomb_or_ied": "bomb",
    "truce": "truce",
    "arrest": "arrest",
}

TYPE_CLASS_OF_SUB_EVENT = {
    "Air/drone strike": "strike",
    "Shelling/artillery/missile attack": "strike",
    "Armed clash": "clash",
    "Remote explosive/landmine/IED": "bomb",
    "Suicide bomb": "bomb",
    "Agreement": "truce",
    "Arrests": "arrest",
}

PLACE_KIND_WORDS = set("""
the of a in at near village villages town towns city district districts neighbourhood neighborhood area areas
province governorate region countryside outskirts suburbs suburb northern southern eastern western north south
east west central rural hill hills mountain mountains plain plains checkpoint
قريه قري بلده مدينه حي احياء منطقه محافظه ريف ناحيه شمال جنوب شرق غرب الشمالي الجنوبي الشرقي الغربي شمالي جنوبي
شرقي غربي في جبال سهول تلال
""".split())

ARABIC_CLITICS = ("و", "ف", "ب", "ل", "ك")


def fold_arabic(text):
    text = re.sub("[\u064B-\u065F\u0670\u0640]", "", text)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ؤ", "و"), ("ئ", "ي")):
        text = text.replace(a, b)
    return text


def fold_latin(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub("['’‘`ʿʾ]", "", text.lower())
    return text


def place_words(text):
    text = fold_latin(fold_arabic(text))
    words = re.findall(r"[\w]+", text)
    out = []
    for w in words:
        # a kind word joined to "and" ("شمال وشرق دمشق", north and east of Damascus) is a kind word still
        if w in PLACE_KIND_WORDS or (w.startswith("و") and w[1:] in PLACE_KIND_WORDS):
            continue
        if re.match("[\u0600-\u06FF]", w) and w.startswith("ال") and len(w) > 3:
            w = w[2:]
        out.append(w)
    return out


def same_word(a, b):
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x and x[0] in ARABIC_CLITICS and len(x) > 2:
            rest = x[1:]
            if rest.startswith("ال") and len(rest) > 3:
                rest = rest[2:]
            if rest == y:
                return True
    return False


LOCATING = re.compile(r"\s(?:in|at|near|north of|south of|east of|west of|في|قرب|بالقرب من|شمال|جنوب|شرق|غرب)\s|,|،")


def at_place(event_written, label_written):
    l = place_words(label_written)
    # the event's place, or its head when it is written with what locates it ("X in the Idlib province",
    # "الشيخ مسكين في محافظة درعا")
    for written in (event_written, LOCATING.split(event_written)[0]):
        e = place_words(written)
        if e and len(e) == len(l) and all(same_word(a, b) for a, b in zip(e, l)):
            return True
    return False


def in_sentence(label_written, sentence):
    return fold_latin(fold_arabic(label_written)) in fold_latin(fold_arabic(sentence))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def extract(binary, files, out_csv):
    result = subprocess.run([binary, "extract", *files, "-o", out_csv], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"extract failed: {result.stderr}")
    with open(out_csv, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def event_class(event):
    if event["new_controller"]:
        return "control"
    return TYPE_CLASS_OF_SUB_EVENT.get(event["sub_event_type"], "other")


def score_language(binary, corpus, lang, show_misses):
    prefix = "en_" if lang == "en" else "ar_"
    labels_file = "labels.tsv" if lang == "en" else "labels_ar.tsv"
    labels = read_tsv(os.path.join(corpus, labels_file))
    files = sorted(f for f in os.listdir(corpus) if f.startswith(prefix) and f.endswith(".txt"))
    with tempfile.TemporaryDirectory() as work:
        events = extract(binary, [os.path.join(corpus, f) for f in files], os.path.join(work, "events.csv"))
    by_file = {}
    for e in events:
        by_file.setdefault(os.path.basename(e["source_document"]), []).append(e)
    labels_by_file = {}
    for l in labels:
        labels_by_file.setdefault(l["file"], []).append(l)

    scored = [l for l in labels if l["event_type"] in TYPE_CLASS_OF_LABEL]
    strict = lenient = actor_right = controller_right = controller_total = date_right = date_total = 0
    misses = []
    for l in scored:
        cls = TYPE_CLASS_OF_LABEL[l["event_type"]]
        candidates = [e for e in by_file.get(l["file"], []) if event_class(e) == cls]
        hits = [e for e in candidates if at_place(e["location_written"], l["place_as_written"])]
        if any(in_sentence(l["place_as_written"], e["notes"]) for e in candidates):
            lenient += 1
        if not hits:
            misses.append(l)
            continue
        strict += 1
        if any(ACTOR_VOCABULARY.get(e["actor1"], "other") == l["actor"] for e in hits):
            actor_right += 1
        elif show_misses:
            print(f"  actor  {l['file']} {l['place_as_written']}: want {l['actor']}, got "
                  f"{sorted(set(e['actor1'] + ' (' + e['actor1_written'] + ')' for e in hits))}")
        if cls == "control":
            controller_total += 1
            if any(ACTOR_VOCABULARY.get(e["new_controller"], "other") == l["new_controller"] for e in hits):
                controller_right += 1
            elif show_misses:
                print(f"  controller  {l['file']} {l['place_as_written']}: want {l['new_controller']}, got "
                      f"{sorted(set(e['new_controller'] for e in hits))}")
        if l["date"]:
            date_total += 1
            if any(e["event_date"] == l["date"] for e in hits):
                date_right += 1
    correct = 0
    unmatched = []
    for e in events:
        doc_labels = labels_by_file.get(os.path.basename(e["source_document"]), [])
        if any(at_place(e["location_written"], l["place_as_written"]) for l in doc_labels):
            correct += 1
        else:
            unmatched.append(e)

    def ratio(a, b):
        return a / b if b else 0.0

    figures = {
        "labels": len(scored),
        "events": len(events),
        "strict_recall": ratio(strict, len(scored)),
        "lenient_recall": ratio(lenient, len(scored)),
        "precision": ratio(correct, len(events)),
        "actor_accuracy": ratio(actor_right, strict),
        "controller_accuracy": ratio(controller_right, controller_total),
        "date_accuracy": ratio(date_right, date_total),
        "strict_hits": strict,
        "correct_events": correct,
        "actor_right": actor_right,
        "controller_right": controller_right,
        "controller_hits": controller_total,
    }
    if show_misses:
        for l in misses:
            print(f"  miss   {l['file']} {l['event_type']:15} {l['place_as_written']!r} ({l['note'][:70]})")
        for e in unmatched:
            print(f"  extra  {os.path.basename(e['source_document'])} {event_class(e):8} "
                  f"{e['location_written']!r} ← {e['notes'][:90]!r}")
    return figures


def score_bundled(binary):
    reports = os.path.join(ROOT, "tests", "data", "sample", "reports")
    expected = list(csv.DictReader(open(os.path.join(ROOT, "tests", "golden", "expected_events.csv"), encoding="utf-8")))
    with tempfile.TemporaryDirectory() as work:
        files = sorted(os.path.join(reports, f) for f in os.listdir(reports) if f.endswith(".txt"))
        events = extract(binary, files, os.path.join(work, "events.csv"))
    out = {}
    for kind in ("control", "strike"):
        want = [x for x in expected if x["kind"] == kind]
        hit = 0
        for x in want:
            for e in events:
                if os.path.splitext(os.path.basename(e["source_document"]))[0] != x["document"]:
                    continue
                same = (x["place_id"] and e["place_id"] == x["place_id"]) or \
                       (x["written"] and x["written"].lower() in e["location_written"].lower())
                if not same:
                    continue
                if kind == "control" and e["new_controller"] == x["new_controller"]:
                    hit += 1
                    break
                if kind == "strike" and event_class(e) == "strike":
                    hit += 1
                    break
        out[kind + "_recall"] = hit / len(want) if want else 1.0
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "dev"))
    parser.add_argument("--lang", choices=["en", "ar"], action="append")
    parser.add_argument("--misses", action="store_true", help="list every missed label and unmatched event")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"no development corpus at {args.corpus}")
    results = {}
    for lang in args.lang or ["en", "ar"]:
        print(f"== {lang}")
        f = score_language(args.binary, args.corpus, lang, args.misses)
        results[lang] = f
        print(f"{lang}: labels {f['labels']}, events {f['events']}: strict recall {f['strict_recall']:.3f} "
              f"({f['strict_hits']}), lenient recall {f['lenient_recall']:.3f}, precision {f['precision']:.3f} "
              f"({f['correct_events']}), actor {f['actor_accuracy']:.3f}, controller {f['controller_accuracy']:.3f} "
              f"({f['controller_right']}/{f['controller_hits']}), date {f['date_accuracy']:.3f}")
    results["bundled"] = score_bundled(args.binary)
    print("bundled reports: control recall {control_recall:.3f}, strike recall {strike_recall:.3f}".format(**results["bundled"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
