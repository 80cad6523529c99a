import MLMRuntime
