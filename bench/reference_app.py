"""The floor: bare Streamlit with one checkbox, one line of text that follows it, one plotly chart.

Served by its own `streamlit run` during the benchmark and run under AppTest, so every number for
the app can be read as a ratio of this page. Not part of the decision aid; no clinical content.
"""

import plotly.graph_objects as go
import streamlit as st

st.title("Reference page")
ticked = st.checkbox("Tick me", key="ref_tick")
st.write(f"Ticked: {'yes' if ticked else 'no'}")

# A plain figure built on every run, as a straightforward Streamlit page would do.
figure = go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2] if ticked else [1, 2, 3]))
figure.update_layout(height=300, margin=dict(l=20, r=20, t=20, b=20))
st.plotly_chart(figure, alt="Bar chart of three bars (reference page for the benchmark)")
