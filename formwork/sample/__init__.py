"""The sample generator behind ``formwork sample``: a fictional council and a labelled inbox.

Councils use it to try Formwork before loading real data; tests and benchmarks
use it for inputs whose right answers are known. See :func:`generate`.
"""

from formwork.sample.generate import SampleResult, generate

__all__ = ["generate", "SampleResult"]
