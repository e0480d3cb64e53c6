"""Shanhai KG (山海图谱): who helps whom in east–west poverty-alleviation pairing."""

__version__ = "0.1.0"
