"""kg.train checks its inputs before any work (the CLI only reports what it raises)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import train


def test_train_inputs_are_checked_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(train.TrainInputError, match="dev.jsonl not found"):
        train.evaluate_on_dev(tmp_path)
    with pytest.raises(train.TrainInputError, match="holds no train.jsonl"):
        train.train_model(tmp_path, tmp_path / "out")
