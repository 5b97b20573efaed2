"""Building the advice document: the engine's outcome joined with the knowledge base's texts."""
