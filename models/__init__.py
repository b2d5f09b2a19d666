"""Rule resources of coaching-events, shipped as data (JSON Lines files).

This folder is installed as ``pipeline.models`` so that the components can
find the files with ``importlib.resources``; users read and extend the files.
"""
