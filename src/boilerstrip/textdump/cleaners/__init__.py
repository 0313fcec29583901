"""The line cleaners of plain-text dumps, one module per kind of boilerplate."""
