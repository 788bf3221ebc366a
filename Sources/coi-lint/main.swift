print("coi-lint")
