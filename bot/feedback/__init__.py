"""Feedback on answers: Helpful / Not helpful votes, the gaps nobody could answer, and learned phrasings.

``store`` holds the three tables (migration 0005_feedback_gaps), ``phrasings`` matches a question against
the phrasings users taught it, ``gaps`` groups the unanswered questions, ``service`` ties them to the
search for the Slack listeners, the console and ``lundao report``.
"""
