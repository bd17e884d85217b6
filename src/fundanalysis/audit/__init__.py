"""Checks and findings: every declared total, ratio and cross-check reconciled in exact
arithmetic, the findings register with materiality, and a report together with both.

May import: :mod:`fundanalysis.text`, :mod:`fundanalysis.data`, :mod:`fundanalysis.store`.
"""
