"""The benchmark tasks: what each tool is asked to do with one data file.

A task gives every tool its own way of doing the same job. Adding a task (training, cleaning, ...)
means adding one Task to TASKS; the harness runs every task on every data file with every tool.

Snippets:
- mlm: the lines of a script; `{file}` is replaced by the data file's name (the script is written
  next to the data, and mlm resolves relative paths against the script's folder).
- pandas / polars / sklearn: Python code run in a fresh interpreter; `path` holds the data file's
  path. Each snippet prints the row count first, so the harness can check the whole file was read.
A task runs only with the tools it has a snippet for (polars does not train models, pandas alone
neither).

Training tasks also report the fit time and the test ROC-AUC. scikit-learn measures `.fit()` itself
and prints `fit seconds S` and `test AUC A` (sklearn_training.py). mlm prints its evaluate table
(the AUC is read from its `ROC-AUC` row); its fit time is the difference between the best times of
two more scripts, `fit_scripts`: load + split, and load + split + train.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Task:
    name: str
    description: str
    snippets: dict[str, str]
    # Training tasks only: mlm scripts {"before": load + split, "through": load + split + train}.
    fit_scripts: dict[str, str] = field(default_factory=dict)

    @property
    def is_training(self) -> bool:
        return bool(self.fit_scripts)


TOOLS = ("mlm", "pandas", "polars", "sklearn")

MLM_LOAD_AND_SPLIT = 'load "{file}" as t\nsplit t into train 80%, test 20% stratify by churned seed 42\n'


def training_task(name: str, algorithm: str, mlm_settings: str, description: str) -> Task:
    """mlm: split + train + evaluate on test; sklearn: the same with pandas and scikit-learn."""
    train = f'model m = train {algorithm} on t target churned = "yes"{mlm_settings}\n'
    sklearn = (f"sys.path.insert(0, {str(BENCH_DIR)!r})\n"
               f"import sklearn_training\nsklearn_training.main(path, {algorithm!r})\n")
    return Task(
        name=name,
        description=description,
        snippets={"mlm": MLM_LOAD_AND_SPLIT + train + "evaluate m on test\n", "sklearn": sklearn},
        fit_scripts={"before": MLM_LOAD_AND_SPLIT, "through": MLM_LOAD_AND_SPLIT + train},
    )

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
    training_task(
        "train_logistic", "logistic", "",
        "read, split 80/20 stratified by churned, fit a logistic regression (C 1, at most 1000 "
        "iterations) on the train rows, score the test rows and compute ROC-AUC",
    ),
    training_task(
        "train_tree", "decision_tree", " with depth 12",
        "the same with a decision tree of depth at most 12",
    ),
    training_task(
        "train_forest", "random_forest", " with trees 100, depth 12, max_features sqrt, seed 42",
        "the same with a random forest of 100 trees, depth at most 12, sqrt of the inputs tried per "
        "split, on both cores",
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
