"""NumPy's answers for string slice specs (test/fixtures/slice-specs.json, read by
test/slice-spec.test.ts): for each axis size n and spec 'start:stop:step', the indices
np.arange(n)[start:stop:step] selects, or 'error' where Python rejects the slice (step 0).
Run: python3 scripts/slice-fixtures.py > test/fixtures/slice-specs.json"""
import json
import numpy as np

bounds = ['', '0', '1', '-1', '-2', '3', '-3', '7', '-7', '-100']
steps = ['', '1', '2', '3', '-1', '-2', '-7', '0']
specs = []
for start in bounds:
    for stop in bounds:
        for step in steps:
            specs.append(f'{start}:{stop}' + (f':{step}' if step else ''))
specs += ['::', ':', ' 1 : -1 ', '+1:+4:+2', '-0:', '::+2']
cases = []
for n in [0, 1, 2, 5, 7]:
    a = np.arange(n)
    for spec in specs:
        parts = [int(p) if p.strip() else None for p in spec.split(':')]
        try:
            got = a[slice(*parts)].tolist()
        except ValueError:
            got = 'error'
        cases.append([n, spec, got])
print(json.dumps({'numpy': np.__version__, 'cases': cases}, separators=(',', ':')))
