print("pmo-report")
