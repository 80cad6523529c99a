"""Writes the evaluation corpus files (synthetic, seeded): run from this folder.

corpus_evaluation_calls.csv   phone-campaign rows where the call length is known only after the
                              answer (the leakage guard's case) and a deep tree overfits.
corpus_evaluation_train.csv / corpus_evaluation_holdout.csv are written by hand (see the cases).
"""
import random

r = random.Random(24)
with open("corpus_evaluation_calls.csv", "w") as f:
    f.write("customer_id,age,balance,channel,call_seconds,subscribed\n")
    for i in range(400):
        age = r.randint(19, 80)
        balance = r.randint(-500, 9000)
        channel = r.choice(["cellular", "telephone", "unknown"])
        yes = r.random() < 0.1 + 0.25 * (age > 60) + 0.1 * (balance > 4000)
        # Long calls happen because the customer says yes: known only after the outcome.
        seconds = r.randint(400, 1500) if yes else r.randint(30, 480)
        f.write(f"{1000 + i},{age},{balance},{channel},{seconds},{'yes' if yes else 'no'}\n")
