"""spaCy pipelines for letters and emails: rule-based entities and the topic classifier.

Both are built on ``spacy.blank("en")``: nothing is downloaded or fetched at
run time. :mod:`extractors.nlp.entities` finds postcodes, council tax
references, dates, vehicle registrations, emails and phone numbers with an
EntityRuler; :mod:`extractors.nlp.topics` loads the text classifier shipped in
``extractors/nlp/topic_model/`` (trained by ``formwork train-topics``).
"""

from extractors.nlp.entities import Entities, Entity, find_entities, letter_nlp
from extractors.nlp.topics import TOPICS, TopicGuess, classify_topic

__all__ = ["TOPICS", "Entities", "Entity", "TopicGuess", "classify_topic", "find_entities", "letter_nlp"]
