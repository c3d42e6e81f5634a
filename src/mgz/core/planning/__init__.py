"""Planning: ANW on-call rosters and vaste-huisarts assignment, optimised with OR-Tools CP-SAT.

Pure Python, no Django: every engine takes plain dataclasses and returns plain dataclasses, so a
service can load a snapshot, run an engine in a background job and write the result back.
Each engine has a CP-SAT model and a greedy baseline; `check` verifies every returned solution
with code that shares nothing with the solvers.
"""
