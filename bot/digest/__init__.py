"""The insight of the day: one claim per subscribed channel per day, never repeating, posted exactly once.

``service.DigestService`` is what the Slack app and the CLI call, a facade over ``subscriptions``,
``posting`` (the exactly-once state machine), ``transport`` (the Slack calls) and ``picker``;
``scheduler.DigestScheduler`` runs it on a timer. Exactly-once lives in the database (``store``),
not in the scheduler.
"""
