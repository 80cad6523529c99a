print("mlm")
