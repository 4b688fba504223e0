"""Pure normalisers (no spaCy): dates, names, countries."""
