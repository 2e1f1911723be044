#!/usr/bin/env python3
"""Fits the resolver's score calibration, a logistic model of "the answer lies within 5 km of the place meant":

    score = sigmoid(bias[status, match] + (slope + ambiguous_slope [if ambiguous]) * logit(similarity)
                    + (namesake_weight + resolved_namesake_weight [if resolved]) * log(1 + namesakes))

on the development file (../shared/eval/airwars_dev.csv, English and Arabic names pooled, read in place). The
similarity is the resolver's own (CONFLICTMAP_RAW_SCORES=1); namesakes are the other places over 25 km away that
the name alone fits as well. One bias per (status, match) group, two slopes and two namesake weights: a dozen
numbers, with a little ridge shrinkage. Nothing else from the file reaches the project.

It prints the fitted numbers, the in-sample reliability table and confident-wrong share, and the C++ table to
paste into src/resolve/score_calibration.cpp.

Usage: scripts/bench/fit_score_calibration.py [--binary build/conflictmap] [--eval FILE] [--gazetteer DIR]
"""
import argparse
import csv
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import resolver_accuracy as ra  # noqa: E402

RIDGE = 0.5


def logit(p):
    p = min(max(p, 0.01), 0.999)
    return math.log(p / (1 - p))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ra.ROOT, "build", "conflictmap"))
    parser.add_argument("--eval", default=os.path.join(ra.ROOT, "..", "shared", "eval", "airwars_dev.csv"))
    parser.add_argument("--gazetteer", default=os.path.join(ra.ROOT, "gazetteer", "syria"))
    args = parser.parse_args()
    with open(args.eval, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["latitude"] and r["geolocation_precision"] in ra.SETTLEMENT]
    os.environ["CONFLICTMAP_RAW_SCORES"] = "1"
    answers = []  # (status, match, similarity, namesakes, km)
    for name_col, region_col in (("location_original", "region_original"), ("location_ar", "region_ar")):
        usable = [r for r in rows if r[name_col].strip()]
        found, _ = ra.run_resolver(args.binary, args.gazetteer, usable, name_col, region_col)
        for row, answer in zip(usable, found):
            if answer is None:
                continue
            d = ra.km(answer[0], answer[1], float(row["latitude"]), float(row["longitude"]))
            answers.append((answer[3]["status"], answer[3]["match"], answer[2], int(answer[3]["namesakes"] or 0), d))
    groups = sorted({(s, m) for s, m, *_ in answers})
    x = np.array([[1.0 if (s, m) == g else 0.0 for g in groups] +
                  [logit(sim), logit(sim) * (s == "ambiguous"), math.log1p(n), math.log1p(n) * (s == "resolved")]
                  for s, m, sim, n, _ in answers])
    y = np.array([d <= 5 for *_, d in answers], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(50):  # Newton's method on the ridge-penalised log-likelihood
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + RIDGE * w
        hessian = (x.T * (p * (1 - p))) @ x + RIDGE * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    p = 1 / (1 + np.exp(-x @ w))
    far = np.array([d > 25 for *_, d in answers])
    print(f"{len(answers)} answers; confidently wrong (score >= 0.8, over 25 km): {((p >= 0.8) & far).mean():.1%}")
    print("score bin      answers  mean score  within 5 km")
    for low, high in ((0, .5), (.5, .6), (.6, .7), (.7, .8), (.8, .9), (.9, 1.01)):
        inside = (p >= low) & (p < high)
        if inside.any():
            print(f"[{low:.1f}, {min(high, 1):.1f})  {inside.sum():9}  {p[inside].mean():10.3f}  {y[inside].mean():11.3f}")
    print("\nconstexpr GroupBias kBiases[] = {")
    for g, bias in zip(groups, w[: len(groups)]):
        n = sum(1 for s, m, *_ in answers if (s, m) == g)
        print(f'    {{"{g[0]}", "{g[1]}", {bias:.3f}}},  // {n} answers')
    print("};")
    print(f"constexpr double kSlope = {w[-4]:.3f};")
    print(f"constexpr double kAmbiguousSlope = {w[-3]:.3f};")
    print(f"constexpr double kNamesakeWeight = {w[-2]:.3f};")
    print(f"constexpr double kResolvedNamesakeWeight = {w[-1]:.3f};")


if __name__ == "__main__":
    main()
