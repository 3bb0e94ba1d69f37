"""Imported once by the fork server that starts Formwork's worker processes (multiprocessing's preload).

Importing the pipeline and building the extractor registry and spaCy
pipelines here means each worker forked from the server starts with them
already in memory, shared until written, instead of building its own.
"""

import gc

from formwork.pipeline import warm

warm()
gc.freeze()  # what every worker shares stays out of the collector's walks (formwork/gcpolicy.py)
