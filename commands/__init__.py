"""The command-line commands, one module per group of users' tasks; cli.py puts them together."""
