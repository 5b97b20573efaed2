"""Rendering and views: the advice document, text/Markdown, interview, batch."""
