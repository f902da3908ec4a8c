"""Writers: the model out to draft Markdown, plain text, .docx and HTML."""
