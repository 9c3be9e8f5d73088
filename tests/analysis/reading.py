"""Helpers the reading specifications share (not a test module)."""


def stage_statuses(result: dict) -> dict:
    """``{stage id: status}`` of an ``analyse`` result."""
    return {s["stage"]: s["status"] for s in result["stages"]}
