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
    ({"sample": "0"}, "sample"),
    ({"sample": "many"}, "sample"),
])
def test_bad_values_name_the_argument(kwargs, argument):
    with pytest.raises(SpiderArgumentError) as error:
        CrawlArguments.parse(**kwargs)
    assert error.value.argument == argument
    assert repr(argument) in str(error.value)


def test_sample_true_means_one():
    assert CrawlArguments.parse(sample="true").sample == 1
