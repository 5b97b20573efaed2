"""Rendering the advice document and the other views for people: text, Markdown, HTML."""
