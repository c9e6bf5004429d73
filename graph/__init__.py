"""influence-kg: news articles in, a sourced RDF graph of influence out.

Importing the package is cheap: spaCy and the model load on first use.
"""

__version__ = "0.1.0"
