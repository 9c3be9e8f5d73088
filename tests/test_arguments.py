from datetime import date, timedelta

import pytest

from tenderarchive.arguments import CrawlArguments, SpiderArgumentError, today


def test_dates_are_parsed_and_ordered():
    args = CrawlArguments.parse("2021-01-01", "2021-01-31", "5")
    assert (args.from_date, args.until_date, args.sample) == (date(2021, 1, 1), date(2021, 1, 31), 5)
    assert args.as_dict() == {"from_date": "2021-01-01", "until_date": "2021-01-31", "sample": 5}


def test_defaults_are_the_last_seven_days_in_amsterdam():
    args = CrawlArguments.parse()
    assert args.until_date == today()
    assert args.from_date == today() - timedelta(days=7)


@pytest.mark.parametrize("kwargs, argument", [
    ({"from_date": "2021-02-30"}, "from_date"),
    ({"from_date": "01-02-2021"}, "from_date"),
    ({"until_date": "2021/02/01"}, "until_date"),
    ({"from_date": "2021-02-02", "until_date": "2021-02-01"}, "from_date"),
    ({"from_date": ""}, "from_date"),   # `--from-date "$START"` with START unset: crawled the default window
    ({"until_date": " "}, "until_date"),
    ({"sample": "0"}, "sample"),
    ({"sample": "many"}, "sample"),
    ({"sample": ""}, "sample"),   # `-a sample=` / `--sample "$N"` with N unset: crawled the whole window
    ({"sample": " "}, "sample"),
])
def test_bad_values_name_the_argument(kwargs, argument):
    with pytest.raises(SpiderArgumentError) as error:
        CrawlArguments.parse(**kwargs)
    assert error.value.argument == argument
    assert repr(argument) in str(error.value)


def test_sample_true_means_one():
    assert CrawlArguments.parse(sample="true").sample == 1


# --- settings given with -s NAME=VALUE ------------------------------------------------------------
@pytest.mark.parametrize("name, value, words", [
    ("TENDERNED_INCREMENTAL", "maybe", "true/false"),    # a boolean: a traceback from getbool, exit 1
    ("TENDERNED_INCREMENTAL", "", "true/false"),
    ("WARC_STORE_ENABLED", "yes", "true/false"),
    ("ARCHIVE_BATCH_ITEMS", "abc", "whole number"),      # a whole number: int('abc') deep in a pipeline
    ("TENDERNED_PAGE_SIZE", "2.5", "whole number"),
    ("CONCURRENT_REQUESTS", "many", "whole number"),     # Scrapy's own settings too
    ("ARCHIVE_BATCH_SECONDS", "soon", "a number"),
    ("DOWNLOAD_TIMEOUT", "1m", "a number"),
])
def test_a_bad_setting_names_itself_and_what_it_takes(name, value, words):
    from tenderarchive.arguments import check_setting

    with pytest.raises(SpiderArgumentError) as error:
        check_setting(name, value)
    assert error.value.argument == name and repr(value) in error.value.message and words in error.value.message


@pytest.mark.parametrize("name, value", [
    ("TENDERNED_INCREMENTAL", "false"), ("TENDERNED_INCREMENTAL", "True"), ("TENDERNED_INCREMENTAL", "0"),
    ("ARCHIVE_BATCH_ITEMS", "50"), ("ARCHIVE_BATCH_SECONDS", "0.5"),
    ("DOWNLOAD_TIMEOUT", "2.5"), ("RETRY_AFTER_MAX", "1.5"),   # whole-number defaults read as seconds
    ("TENDERNED_API_URL", "http://127.0.0.1:1/x"), ("NO_SUCH_SETTING", "anything"),
])
def test_a_good_setting_passes(name, value):
    from tenderarchive.arguments import check_setting

    check_setting(name, value)


def test_every_setting_read_as_a_float_is_checked_as_a_number():
    """``setting_kind`` reads a setting's kind off its default, except SETTING_KINDS: a setting with a
    whole-number default that a getfloat reads (``DOWNLOAD_TIMEOUT=2.5``) must not be refused."""
    import re
    from pathlib import Path

    import scrapy

    from tenderarchive.arguments import setting_kind

    root = Path(__file__).resolve().parent.parent
    sources = [*Path(scrapy.__file__).parent.rglob("*.py"),
               *[p for folder in ("tenderarchive", "spiders", "pipelines") for p in (root / folder).rglob("*.py")]]
    read = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r'getfloat\(\s*"([A-Z_]+)"', text))
        read |= set(re.findall(r'number_setting\([^,]+,\s*"([A-Z_]+)",\s*float\)', text))
    assert "DOWNLOAD_TIMEOUT" in read and "NEWS_LIVING_RECHECK_HOURS" in read
    assert {name for name in read if setting_kind(name) not in (float, None)} == set()
