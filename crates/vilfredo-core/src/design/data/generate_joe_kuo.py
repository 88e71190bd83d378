#!/usr/bin/env python3
"""Write joe_kuo_1111.txt: Sobol direction numbers for the first 1,111 dimensions.

The numbers are Joe & Kuo's "new-joe-kuo-6.21201" set (S. Joe and F. Y. Kuo,
"Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
Comput. 30(5), 2008), read from the copy scipy ships in
`scipy/stats/_sobol_direction_numbers.npz` (the table only, no code). Joe and Kuo publish
them under a BSD-style licence; its text is kept in the header of the written file.

Run from this directory (needs numpy and scipy):

    python3 generate_joe_kuo.py > joe_kuo_1111.txt

Format, after `#` comment lines: one line per dimension from the second on (the first is
van der Corput's and needs no numbers): `s a m_1 ... m_s`, where `s` is the degree of the
primitive polynomial, `a` its inner coefficients as an integer (Joe & Kuo's own format),
and `m_i` the initial direction numbers (odd, `m_i < 2^i`).
"""

import os

import numpy as np
import scipy

DIMS = 1111

path = os.path.join(os.path.dirname(scipy.__file__), "stats", "_sobol_direction_numbers.npz")
data = np.load(path)
poly, vinit = data["poly"], data["vinit"]

print("# Sobol direction numbers, new-joe-kuo-6.21201, first 1111 dimensions")
print(f"# extracted by generate_joe_kuo.py from scipy {scipy.__version__}'s table")
print("# Copyright (c) 2008, Frances Y. Kuo and Stephen Joe. All rights reserved.")
print("# Redistribution and use in source and binary forms, with or without modification,")
print("# are permitted provided that the following conditions are met: redistributions of")
print("# source code must retain the above copyright notice, this list of conditions and the")
print("# following disclaimer; redistributions in binary form must reproduce the above")
print("# copyright notice, this list of conditions and the following disclaimer in the")
print("# documentation and/or other materials provided with the distribution; neither the")
print("# names of the copyright holders nor the names of the University of New South Wales")
print("# and the University of Waikato and its contributors may be used to endorse or")
print("# promote products derived from this software without specific prior written")
print("# permission. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS")
print('# "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.')
for d in range(1, DIMS):
    p = int(poly[d])
    s = p.bit_length() - 1
    a = (p >> 1) & ((1 << (s - 1)) - 1)
    m = [int(x) for x in vinit[d, :s]]
    assert all(x % 2 == 1 and x < (1 << (i + 1)) for i, x in enumerate(m)), (d, m)
    print(s, a, *m)
