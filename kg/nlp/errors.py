"""The nlp stage's errors, in a module of their own: the CLI names them without loading spaCy."""


class ModelNotFound(ValueError):
    """``--model`` names no installed spaCy pipeline (neither a package nor a pipeline folder)."""
