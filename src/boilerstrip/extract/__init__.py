"""After the cleaners: choosing the article's container and turning it into blocks."""
