#!/usr/bin/env python3
"""Writes initialize.json beside this script: initial weights and biases computed independently of the engine
(cpp/engine/initialize.hpp), with plain Python floats and math.sqrt, integers masked to 64 bits. Not run by the
tests; rerun by hand and commit the JSON:

    python3 tests/vectors/initialize.py

The rule: one SplitMix64 generator (Steele, Lea, Flood 2014) seeded with `seed`; u = (next() >> 11) · 2^-53 and
s = 2u − 1. Weights in the document's numbering order (layer, destination, source), then the biases of the layers
that have one (layer, neuron). Uniform: s · range for both; Xavier: s · sqrt(6 / (fanIn + fanOut)), biases 0;
He: s · sqrt(6 / fanIn), biases 0; Zeros: all 0. Xavier, He and Zeros draw nothing for the biases.
Every step is +, −, ×, ÷ or sqrt, correctly rounded in IEEE 754, so the engine must match bit for bit.

Each case also carries `fnv1a64`: FNV-1a (64 bits) of the little-endian bytes of every weight and then every bias
(zeros included, flat in the order above), as 16 hex digits; the WebAssembly tests compare the same hash.
"""
import json
import math
import struct
from pathlib import Path

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53  # a 53-bit integer times a power of two: exact

    def symmetric(self):
        return 2.0 * self.uniform() - 1.0


def weight_limit(scheme, fan_in, fan_out, rng_range):
    if scheme == "uniform":
        return rng_range
    if scheme == "xavier":
        return math.sqrt(6.0 / (float(fan_in) + float(fan_out)))
    if scheme == "he":
        return math.sqrt(6.0 / float(fan_in))
    return 0.0


def initialize(shape, bias, scheme, seed, rng_range):
    rng = SplitMix64(seed)
    weights, biases = [], []
    for l in range(len(shape) - 1):
        fan_in, fan_out = shape[l], shape[l + 1]
        limit = weight_limit(scheme, fan_in, fan_out, rng_range)
        # weights[l][j * fan_in + i], drawn in that flat order; Zeros draws nothing
        weights.append([rng.symmetric() * limit if scheme != "zeros" else 0.0 for _ in range(fan_in * fan_out)])
    for l in range(len(shape) - 1):
        drawn = scheme == "uniform" and bias[l]
        biases.append([rng.symmetric() * rng_range if drawn else 0.0 for _ in range(shape[l + 1])])
    return weights, biases


def fnv1a64(weights, biases):
    h = 0xCBF29CE484222325
    for row in weights + biases:
        for x in row:
            for byte in struct.pack("<d", x):
                h = ((h ^ byte) * 0x100000001B3) & MASK
    return f"{h:016x}"


CASES = [
    # shape, bias per layer after the input, scheme, seed, range
    ([2, 2, 1], [False, False], "xavier", 1, 0.5),
    ([2, 2, 1], [False, False], "he", 42, 0.5),
    ([2, 3, 2], [True, True], "uniform", 7, 0.5),
    ([4, 8, 8, 1], [True, True, False], "xavier", 2**53 - 1, 0.5),
    ([3, 2], [True], "zeros", 5, 0.5),
]


def main():
    cases = []
    for shape, bias, scheme, seed, rng_range in CASES:
        assert len(bias) == len(shape) - 1
        weights, biases = initialize(shape, bias, scheme, seed, rng_range)
        for row in weights + biases:
            assert all(repr(x) == repr(float(repr(x))) for x in row)  # repr round-trips every double
        cases.append({"shape": shape, "bias": bias, "scheme": scheme, "seed": seed, "range": rng_range,
                      "weights": weights, "biases": biases, "fnv1a64": fnv1a64(weights, biases)})
    out = Path(__file__).with_name("initialize.json")
    out.write_text("[\n  " + ",\n  ".join(json.dumps(c) for c in cases) + "\n]\n", encoding="utf-8")
    print(f"{len(cases)} cases → {out}")


if __name__ == "__main__":
    main()
