"""Widgets laid out by the workbooks: one page function per workbook."""
