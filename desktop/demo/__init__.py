"""Realistic, reproducible demo data: for trying the app, screenshots, training and benchmarks.

The sources (Ukrainian names, settlements, event and idea texts) live in `resources/demo/`;
`generator.generate` turns them into records through the store's one write path.
"""

from desktop.demo.generator import REFERENCE_DATE, DemoCancelled, DemoTargetNotEmpty, generate

__all__ = ["REFERENCE_DATE", "DemoCancelled", "DemoTargetNotEmpty", "generate"]
