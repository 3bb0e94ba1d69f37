"""Formwork's benchmark: ``python -m bench`` (docs/benchmarks.md).

It generates its own councils and forms, runs Formwork and a bare pdfplumber
loop side by side on this machine, and prints each figure against its target.
"""
