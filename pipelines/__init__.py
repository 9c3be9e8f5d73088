"""Item pipelines, one module per step: validate → normalise → classify → archive.

Each is switched on in ``ITEM_PIPELINES`` (tenderarchive/settings.py). Pipelines
never issue requests; only ``archive`` writes to the database.
"""
