"""Shared-decision aid for image-guided steroid injection into a hip with bone metastases.

Everything here is plain Python with no Streamlit import, except the `decision_aid.ui` package,
which is the thin layer the pages use.
"""
