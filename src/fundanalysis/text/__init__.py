"""A report's prose: finding its text, and holding the data directory's fragments against it.

May import: :mod:`fundanalysis.data` and :mod:`fundanalysis.store`; nothing above.
"""
