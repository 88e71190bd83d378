#!/usr/bin/env python3
"""Write joe_kuo_1111.txt: Sobol direction numbers for the first 1,111 dimensions.

The numbers are Joe & Kuo's "new-joe-kuo-6.21201" set (S. Joe and F. Y. Kuo,
"Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
Comput. 30(5), 2008), read from the copy scipy ships in
`scipy/stats/_sobol_direction_numbers.npz` (the table only, no code). Joe and Kuo publish
them under a BSD-style licence, whose full text is kept in the header of the written
file (the licence requires it to travel with the numbers).

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
LICENCE = """\
Copyright (c) 2008, Frances Y. Kuo and Stephen Joe
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are
permitted provided that the following conditions are met:

    * Redistributions of source code must retain the above copyright notice, this list of
      conditions and the following disclaimer.

    * Redistributions in binary form must reproduce the above copyright notice, this list
      of conditions and the following disclaimer in the documentation and/or other
      materials provided with the distribution.

    * Neither the names of the copyright holders nor the names of the University of New
      South Wales and the University of Waikato and its contributors may be used to
      endorse or promote products derived from this software without specific prior
      written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS "AS IS" AND ANY EXPRESS OR IMPLIED
WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDERS BE
LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY,
WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING
IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH
DAMAGE.
"""
for line in LICENCE.splitlines():
    print(f"# {line}".rstrip())
for d in range(1, DIMS):
    p = int(poly[d])
    s = p.bit_length() - 1
    a = (p >> 1) & ((1 << (s - 1)) - 1)
    m = [int(x) for x in vinit[d, :s]]
    assert all(x % 2 == 1 and x < (1 << (i + 1)) for i, x in enumerate(m)), (d, m)
    print(s, a, *m)
