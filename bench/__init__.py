"""`python -m bench`: how far the app is from the floor bare Streamlit sets, as ratios in one run.

It reports; it never fails on timings. See `bench/__main__.py` for the order of the measurements and
`bench/results.md` for the last run.
"""
