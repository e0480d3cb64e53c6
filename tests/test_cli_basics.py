"""The CLI's own surface: version and help."""

from typer.testing import CliRunner

from kg import __version__
from kg.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kg {__version__}"


def test_help_lists_build() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "build" in result.stdout
