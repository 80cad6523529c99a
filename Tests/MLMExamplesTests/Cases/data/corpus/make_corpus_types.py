"""Writes the corpus_types_* files: small synthetic marketing tables whose target is a yes/no
column written three ways (0/1 numbers, Yes/No words, TRUE/FALSE). Deterministic (fixed seeds);
run from this folder: python3 make_corpus_types.py"""
import math
import random


def logistic(x):
    return 1 / (1 + math.exp(-x))


def web_sessions(path, rows=120, seed=24):
    # conversion is 0/1 (read as whole numbers); ad_click is "1"/"0" text codes next to "unknown".
    rng = random.Random(seed)
    with open(path, "w") as out:
        out.write("session_id,channel,pages,minutes,ad_click,conversion\n")
        for i in range(rows):
            channel = rng.choice(["search", "social", "email", "direct"])
            pages = rng.randint(1, 15)
            minutes = round(rng.uniform(0.5, 25), 1)
            lift = {"search": 0.6, "social": -0.4, "email": 0.3, "direct": 0.0}[channel]
            converted = rng.random() < logistic(-3 + 0.25 * pages + 0.05 * minutes + lift)
            click = "unknown" if rng.random() < 0.1 else ("1" if rng.random() < (0.6 if converted else 0.3) else "0")
            out.write(f"S{1000 + i},{channel},{pages},{minutes},{click},{int(converted)}\n")


def churn(path, rows=100, seed=7):
    # churned is Yes/No (a category), the usual export of CRM tools.
    rng = random.Random(seed)
    with open(path, "w") as out:
        out.write("customer,plan,tenure_months,monthly_fee,support_calls,churned\n")
        for i in range(rows):
            plan = rng.choice(["basic", "plus", "pro"])
            tenure = rng.randint(1, 60)
            fee = {"basic": 19.9, "plus": 34.9, "pro": 59.9}[plan]
            calls = rng.randint(0, 6)
            left = rng.random() < logistic(-1.2 - 0.05 * tenure + 0.45 * calls)
            out.write(f"C{i + 1:04d},{plan},{tenure},{fee},{calls},{'Yes' if left else 'No'}\n")


def newsletter(path, rows=90, seed=3):
    # opened is TRUE/FALSE (a true/false column), as spreadsheets export it.
    rng = random.Random(seed)
    with open(path, "w") as out:
        out.write("subscriber,region,emails_sent,days_since_signup,opened\n")
        for i in range(rows):
            region = rng.choice(["north", "south", "east", "west"])
            sent = rng.randint(1, 20)
            days = rng.randint(1, 400)
            opened = rng.random() < logistic(2.5 - 0.015 * days + 0.12 * sent)
            out.write(f"N{i + 1:03d},{region},{sent},{days},{'TRUE' if opened else 'FALSE'}\n")


web_sessions("corpus_types_quoted_01.csv")
churn("corpus_types_yes_no.csv")
newsletter("corpus_types_true_false.csv")
