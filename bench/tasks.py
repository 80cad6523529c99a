"""The benchmark tasks: what each tool is asked to do with one data file.

A task gives every tool its own way of doing the same job. Adding a task (training, cleaning, ...)
means adding one Task to TASKS; the harness runs every task on every data file with every tool.

Snippets:
- mlm: the lines of a script; `{file}` is replaced by the data file's name (the script is written
  next to the data, and mlm resolves relative paths against the script's folder).
- pandas / polars: Python code run in a fresh interpreter; `path` holds the data file's path.
  Each snippet prints the row count first, so the harness can check the whole file was read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    name: str
    description: str
    snippets: dict[str, str]


TOOLS = ("mlm", "pandas", "polars")

TASKS: list[Task] = [
    Task(
        name="load",
        description="read the CSV into a table (type inference included), nothing else",
        snippets={
            "mlm": 'load "{file}" as t\n',
            "pandas": "import pandas as pd\ndf = pd.read_csv(path)\nprint(len(df))\n",
            "polars": "import polars as pl\ndf = pl.read_csv(path)\nprint(df.height)\n",
        },
    ),
    Task(
        name="load+describe",
        description="read the CSV, then summarise every column and print the summary",
        snippets={
            "mlm": 'load "{file}" as t\ndescribe t\n',
            "pandas": (
                "import pandas as pd\ndf = pd.read_csv(path)\nprint(len(df))\n"
                'print(df.describe(include="all").to_string())\n'
            ),
            "polars": "import polars as pl\ndf = pl.read_csv(path)\nprint(df.height)\nprint(df.describe())\n",
        },
    ),
]


def select_tasks(names: list[str] | None) -> list[Task]:
    """The tasks to run, in TASKS order; unknown names are an error that lists the known ones."""
    if not names:
        return list(TASKS)
    known = {task.name: task for task in TASKS}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown task {', '.join(repr(n) for n in unknown)}; known tasks: {', '.join(known)}")
    return [task for task in TASKS if task.name in names]
