"""Results kept between processes: the result cache, keyed by the bytes they come from.

The lowest layer: it knows nothing of reports and imports nothing of the package.
"""
