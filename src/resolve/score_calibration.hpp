#pragma once
// A resolver's score as a probability: the share of answers like it that lie within 5 km of the place meant. A
// logistic model of the answer's status and kind of match, the similarity that ranked it, and how many
// namesakes far away the name alone fits as well, fitted on development data by
// scripts/bench/fit_score_calibration.py.
#include "core/resolution.hpp"

namespace conflictmap {

// The answer's score, calibrated. Candidates keep the similarity that ranked them.
double calibrated_score(const Resolution& r);

// Whether scores are left as similarities (CONFLICTMAP_RAW_SCORES=1), for fitting the calibration itself.
bool raw_scores_requested();

}  // namespace conflictmap
