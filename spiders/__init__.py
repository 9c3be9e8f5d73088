"""Scrapy spiders, one module per source, on top of the base spider in ``base``."""
