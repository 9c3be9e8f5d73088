"""The project's Scrapy commands (``COMMANDS_MODULE``): ``scrapy crawl`` as scrapyd runs a job, with the exit codes
of ``tenderarchive crawl`` for a refused argument (:mod:`tenderarchive.commands.crawl`)."""
