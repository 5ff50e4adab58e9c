"""Facts and events decided from the spans that the nlp layer annotates."""
