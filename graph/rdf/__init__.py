"""RDF side of influence-kg: the vocabulary and the facts-to-triples mapping."""
