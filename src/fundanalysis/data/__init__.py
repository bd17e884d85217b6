"""A report as a data directory: its descriptor, its tables read, corrected, parsed, validated.

``paths`` and ``report`` find and read a directory and its ``report.toml``; ``csvfile`` reads
text tables; ``corrections`` applies the directory's corrections; ``parsing`` and ``money``
turn text into exact values; ``specs`` and ``schemas`` describe each table; ``derive`` adds the
columns computed from the vocabulary; ``agreement`` holds each figure against its own printed
fragment; ``expressions`` and ``crosstable`` check what one table says of another; ``tables``
loads a whole directory and ``loaders`` is its public face; ``scaffold`` writes a new one.

May import: :mod:`fundanalysis.store`. Never the text, audit, analysis or publish layers.
"""
