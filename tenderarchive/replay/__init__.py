"""Replaying recorded crawls without Scrapy's engine (issue 14); see :mod:`tenderarchive.replay.direct`."""
