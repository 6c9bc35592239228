"""Knowledge from the team: messages saved as insights in Slack, reviewed by curators, served at once.

``store`` holds the saved claims and the knowledge-base version in the database (migration
``0004_team_insights``); ``service`` saves, reviews and turns approved rows into claims; ``live``
keeps each process's corpus and search index up to date with the approved ones; ``pull`` writes
them into the knowledge base's files (``lundao corpus pull``).
"""
