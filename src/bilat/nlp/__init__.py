"""Annotators over an Article's text: sentences, gazetteer mentions, time expressions."""
