"""The region workbook: one sheet per entity, as XLSX or as a folder of CSV files.

`format.SHEETS` is the one table that drives the template, the export, the import and the docs.
"""
