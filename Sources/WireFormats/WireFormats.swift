// WireFormats: see ../../README.md
