"""What several apps import downward: the rate limit (ratelimit.py) and its counters in the
database (models.py)."""
