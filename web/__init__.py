"""The trainer's page and the HTTP API (bijeenkomstwijzer serve)."""
