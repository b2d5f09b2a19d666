"""How the mentions stage finds people and teams: names, anaphora (pronouns and descriptions) and team
mentions. The spaCy component that uses them is ``pipeline.components.mentions``."""
