"""The HTTP service: a JSON API and a web page over ``make_brief`` (needs the ``[server]`` extra).

Nothing here imports FastAPI at package import time: ``synoptic serve`` checks the extra first and
says how to install it, so the rest of the CLI starts fast without it.
"""
