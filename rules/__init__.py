"""Forward-chaining rules, one module per decision area, combined in rules.engine."""
