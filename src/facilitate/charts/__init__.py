"""Plotly figures from metric frames, in one projector-friendly style."""
