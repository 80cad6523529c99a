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
    # A task on one table of its own (the wide tables) instead of every customer file: its name
    # in the data folder and its row count.
    data_file: str | None = None
    data_rows: int | None = None

    @property
    def is_training(self) -> bool:
        return bool(self.fit_scripts)


TOOLS = ("mlm", "pandas", "polars", "sklearn", "lightgbm", "xgboost")

MLM_LOAD_AND_SPLIT = 'load "{file}" as t\nsplit t into train 80%, test 20% stratify by churned seed 42\n'


def python_training(algorithm: str) -> str:
    return (f"sys.path.insert(0, {str(BENCH_DIR)!r})\n"
            f"import sklearn_training\nsklearn_training.main(path, {algorithm!r})\n")


def training_task(name: str, algorithm: str, mlm_settings: str, description: str,
                  others: tuple[str, ...] = ()) -> Task:
    """mlm: split + train + evaluate on test; sklearn: the same with pandas and scikit-learn;
    `others`: more Python tools (lightgbm, xgboost) doing the same through sklearn_training.py."""
    train = f'model m = train {algorithm} on t target churned = "yes"{mlm_settings}\n'
    snippets = {"mlm": MLM_LOAD_AND_SPLIT + train + "evaluate m on test\n", "sklearn": python_training(algorithm)}
    snippets.update({tool: python_training(tool) for tool in others})
    return Task(
        name=name,
        description=description,
        snippets=snippets,
        fit_scripts={"before": MLM_LOAD_AND_SPLIT, "through": MLM_LOAD_AND_SPLIT + train},
    )

def wide_logistic_task(inputs: int) -> Task:
    """Logistic regression on a wide table of generate_data.py: 2,000 rows of category columns
    that become `inputs` one-hot inputs (more inputs than rows from 10,000 on)."""
    from generate_data import WIDE_ROWS, wide_path
    load_split = 'load "{file}" as t\nsplit t into train 80%, test 20% stratify by y seed 42\n'
    train = 'model m = train logistic on t target y = "yes"\n'
    return Task(
        name=f"train_logistic_wide_{inputs // 1000}k",
        description=f"read a {WIDE_ROWS:,}-row table of category columns, split 80/20 stratified by y, fit a "
                    f"logistic regression (C 1) on {inputs:,} one-hot inputs of the train rows, score the test rows; "
                    "against a sparse OneHotEncoder and LogisticRegression (lbfgs, C 1, max_iter 1000) on the raw "
                    "0/1 inputs, the same objective",
        snippets={"mlm": load_split + train + "evaluate m on test\n",
                  "sklearn": (f"sys.path.insert(0, {str(BENCH_DIR)!r})\n"
                              "import sklearn_training\nsklearn_training.wide_logistic(path)\n")},
        fit_scripts={"before": load_split, "through": load_split + train},
        data_file=wide_path(Path("."), inputs).name,
        data_rows=WIDE_ROWS,
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
    training_task(
        "train_boosting", "gradient_boosting", " with trees 100, leaves 31, rate 0.1, seed 42",
        "the same with histogram gradient boosting: 100 rounds, 31 leaves best-first, rate 0.1, at "
        "least 20 rows per leaf, 255 bins, missing values and categories handled natively; against "
        "scikit-learn's HistGradientBoostingClassifier, LightGBM and XGBoost (hist, lossguide) with "
        "the same settings on 2 threads",
        others=("lightgbm", "xgboost"),
    ),
    training_task(
        "train_svm", "svm", " with c 1",
        "the same with a linear SVM (squared hinge, C 1) calibrated to probabilities by Platt "
        "scaling on 5 stratified shuffled folds; against LinearSVC in CalibratedClassifierCV "
        "(method sigmoid, 5 shuffled stratified folds, n_jobs 2) behind a StandardScaler",
    ),
    training_task(
        "train_neural_network", "neural_network", " with layers [64, 32], epochs 10, seed 42",
        "the same with a neural network of two hidden layers (64 and 32 ReLU units), Adam, 10 "
        "epochs of mini-batches of 200; against MLPClassifier with the same settings behind a "
        "StandardScaler",
    ),
    wide_logistic_task(1_000),
    wide_logistic_task(10_000),
    wide_logistic_task(100_000),
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
