"""Tools that run the engine many times: explain, compare, batch, coverage and verify."""
