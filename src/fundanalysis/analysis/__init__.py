"""Analyses behind the notebooks, one module per theme; each function returns a DataFrame.

Amounts that a table publishes are summed in exact 分 (``amount_fen``) and shown in 万元;
ratios and growth rates are floats, computed from those exact sums.

May import: :mod:`fundanalysis.audit`, :mod:`fundanalysis.text`, :mod:`fundanalysis.data`
and :mod:`fundanalysis.store`; never :mod:`fundanalysis.publish`.
"""
