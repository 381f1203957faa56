"""Test helpers every module may use: user factories, API clients and error assertions."""
