"""What readers get: the views the notebooks show, tables and charts in two languages, the
downloads (CSV, workbook) and their descriptor.

May import every layer below: analysis, audit, text, data and store.
"""
